/** /information/research — 调研: the county sets topics with deadlines and grades reports; townships report. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, List, Row, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { RESEARCH_GRADES, type ResearchGrade } from '@township-office/domain/information';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useSession } from '../../../app/session.tsx';
import { formatDate } from '../../../lib/format.tsx';
import { useCreateTopic, useEvaluateReport, useReports, useSubmitReport, useTopics, type ResearchReport } from '../api/information.ts';

interface TopicValues {
  title: string;
  description?: string;
  deadline: Dayjs;
}
interface ReportValues {
  title: string;
  content: string;
}
interface GradeValues {
  grade: ResearchGrade;
  comment: string;
}

type Dialog = { kind: 'topic' } | { kind: 'report'; topicId: string } | { kind: 'evaluate'; report: ResearchReport } | null;

export default function ResearchPage() {
  const t = useT();
  const { can } = useSession();
  const topics = useTopics();
  const [topicId, setTopicId] = useState<string | undefined>();
  const reports = useReports(topicId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const createTopic = useCreateTopic();
  const submitReport = useSubmitReport();
  const evaluate = useEvaluateReport();
  const reportingOn = dialog?.kind === 'report' ? dialog.topicId : null;
  const grading = dialog?.kind === 'evaluate' ? dialog.report : null;
  return (
    <>
      <PageHeader
        title={t('information.research.title')}
        extra={
          can('research.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'topic' })}>
              {t('information.research.newTopic')}
            </Button>
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card size="small">
            <List
              loading={topics.isLoading}
              dataSource={topics.data?.items ?? []}
              locale={{ emptyText: t('information.research.empty') }}
              renderItem={(tp) => (
                <List.Item
                  style={{ cursor: 'pointer', background: tp.id === topicId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                  onClick={() => setTopicId(tp.id)}
                  actions={
                    can('research.report')
                      ? [
                          <Button
                            key="r"
                            size="small"
                            onClick={(e) => {
                              e.stopPropagation();
                              setDialog({ kind: 'report', topicId: tp.id });
                            }}
                          >
                            {t('information.research.submit')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={tp.title}
                    description={`${t('information.research.deadline')}：${tp.deadline} · ${t('information.research.reports')} ${tp.reports}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Table<ResearchReport>
            rowKey="id"
            size="small"
            dataSource={reports.data?.items ?? []}
            locale={{ emptyText: t('information.research.selectTopic') }}
            pagination={false}
            expandable={{
              expandedRowRender: (r) => (
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {r.content}
                  {r.comment ? `\n\n${t('information.research.comment')}：${r.comment}` : ''}
                </div>
              ),
            }}
            columns={[
              { title: t('information.col.org'), dataIndex: 'orgName', width: 120 },
              { title: t('information.research.reportTitle'), dataIndex: 'title', ellipsis: true },
              { title: t('information.col.submittedAt'), dataIndex: 'submittedAt', width: 110, render: formatDate },
              {
                title: t('information.research.grade'),
                dataIndex: 'grade',
                width: 80,
                render: (g: ResearchGrade | null) => (g ? <Tag color="green">{t(`information.research.grades.${g}`)}</Tag> : '—'),
              },
              {
                title: t('common.actions'),
                key: 'a',
                width: 80,
                render: (_: unknown, r) =>
                  r.allowedActions.includes('evaluate') ? (
                    <Button size="small" type="link" onClick={() => setDialog({ kind: 'evaluate', report: r })}>
                      {t('information.research.evaluate')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Col>
      </Row>
      <FormModal<TopicValues>
        open={dialog?.kind === 'topic'}
        onClose={() => setDialog(null)}
        title={t('information.research.newTopic')}
        width={640}
        onSubmit={(v) =>
          createTopic.mutateAsync({ title: v.title, description: v.description ?? '', deadline: v.deadline.format('YYYY-MM-DD') })
        }
      >
        <Form.Item name="title" label={t('information.research.topicTitle')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('information.research.description')}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('information.research.deadline')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </FormModal>
      <FormModal<ReportValues>
        open={!!reportingOn}
        onClose={() => setDialog(null)}
        title={t('information.research.submit')}
        width={640}
        onSubmit={(v) => submitReport.mutateAsync({ topicId: reportingOn!, title: v.title, content: v.content })}
      >
        <Form.Item name="title" label={t('information.research.reportTitle')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('information.research.reportContent')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={10} />
        </Form.Item>
      </FormModal>
      <FormModal<GradeValues>
        open={!!grading}
        onClose={() => setDialog(null)}
        title={t('information.research.evaluate')}
        width={640}
        onSubmit={(v) => evaluate.mutateAsync({ id: grading!.id, grade: v.grade, comment: v.comment })}
      >
        <Form.Item name="grade" label={t('information.research.grade')} rules={[{ required: true }]}>
          <Select options={RESEARCH_GRADES.map((g) => ({ value: g, label: t(`information.research.grades.${g}`) }))} />
        </Form.Item>
        <Form.Item name="comment" label={t('information.research.comment')} rules={[{ required: true, min: 2, max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
