/**
 * 主送/抄送分组 (county office, issue 13): named lists of orgs such as "各乡镇（区）党委、政府". A
 * document addressed to a group prints the group's name in 主送 / 抄送 and reaches every member;
 * documents already addressed keep the group as it was, whatever is changed here.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Form, Input, Modal, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { OrgPicker } from '../../../components/OrgPicker.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.tsx';
import {
  useCreateRecipientGroup,
  useDeleteRecipientGroup,
  useRecipientGroups,
  useUpdateRecipientGroup,
  type RecipientGroup,
  type RecipientGroupInput,
} from '../api/recipient-groups.ts';
import { useApp } from '../../../lib/app-messages.tsx';

export default function RecipientGroupsPage() {
  const t = useT();
  const { message } = useApp();
  const groups = useRecipientGroups();
  const remove = useDeleteRecipientGroup();
  // undefined: closed; null: a new group; a group: editing it.
  const [editing, setEditing] = useState<RecipientGroup | null | undefined>(undefined);

  const columns: TableColumnsType<RecipientGroup> = [
    { title: t('system.recipientGroups.name'), dataIndex: 'name', width: 240 },
    {
      title: t('system.recipientGroups.members'),
      key: 'members',
      ellipsis: true,
      render: (_, g) => (
        <Typography.Text title={g.memberNames.join('、')}>
          {t('system.recipientGroups.memberCount', { n: g.memberNames.length })}：{g.memberNames.join('、')}
        </Typography.Text>
      ),
    },
    {
      title: t('system.recipientGroups.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      className: 'nowrap',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, g) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => setEditing(g)} data-testid={`edit-group-${g.name}`}>
            {t('system.recipientGroups.edit')}
          </Button>
          <Popconfirm
            title={t('system.recipientGroups.deleteConfirm', { name: g.name })}
            onConfirm={() =>
              remove.mutate(g.id, { onSuccess: () => void message.success(t('system.recipientGroups.deleted', { name: g.name })) })
            }
          >
            <Button type="link" size="small" danger data-testid={`delete-group-${g.name}`}>
              {t('system.recipientGroups.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.system.recipientGroups')}
        subtitle={t('system.recipientGroups.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="new-group">
            {t('system.recipientGroups.create')}
          </Button>
        }
      />
      <div style={{ background: '#fff', padding: 16, borderRadius: 6 }}>
        <Table<RecipientGroup>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={groups.data}
          loading={groups.isPending}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('system.recipientGroups.empty')} /> }}
          data-testid="groups-table"
        />
      </div>
      {editing !== undefined ? <GroupForm group={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}

function GroupForm({ group, onClose }: { group: RecipientGroup | null; onClose: () => void }) {
  const t = useT();
  const { message } = useApp();
  const [form] = Form.useForm<RecipientGroupInput>();
  const create = useCreateRecipientGroup();
  const update = useUpdateRecipientGroup();
  const [error, setError] = useState<string | null>(null);
  const save = async (v: RecipientGroupInput) => {
    setError(null);
    const body = { name: v.name.trim(), memberOrgIds: v.memberOrgIds };
    try {
      if (group) await update.mutateAsync({ id: group.id, ...body });
      else await create.mutateAsync(body);
      void message.success(t(group ? 'system.recipientGroups.updated' : 'system.recipientGroups.created', { name: body.name }));
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('system.recipientGroups.failed'));
    }
  };
  return (
    <Modal
      open
      title={group ? t('system.recipientGroups.editTitle', { name: group.name }) : t('system.recipientGroups.create')}
      okText={t('system.recipientGroups.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ id: 'group-save' }}
    >
      <Form<RecipientGroupInput>
        form={form}
        layout="vertical"
        initialValues={group ? { name: group.name, memberOrgIds: group.memberOrgIds } : { name: '', memberOrgIds: [] }}
        onFinish={save}
      >
        <Form.Item
          name="name"
          label={t('system.recipientGroups.name')}
          extra={t('system.recipientGroups.nameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('system.recipientGroups.nameRequired') },
            { max: 60, message: t('system.recipientGroups.nameTooLong') },
          ]}
        >
          <Input maxLength={60} placeholder="各乡镇（区）党委、政府" data-testid="group-name" />
        </Form.Item>
        <Form.Item
          name="memberOrgIds"
          label={t('system.recipientGroups.members')}
          rules={[{ required: true, type: 'array', min: 1, message: t('system.recipientGroups.membersRequired') }]}
        >
          <OrgPicker testId="group-members" />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} data-testid="group-error" /> : null}
      </Form>
    </Modal>
  );
}
