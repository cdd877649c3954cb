import { Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { ADOPTION_LEVELS, type AdoptionLevel } from '@township-office/domain/information';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useAddAdoption, useReviewInfoReport, type InfoReport } from '../api/information.ts';

interface ReviewValues {
  decision: 'adopt' | 'reject';
  levels: AdoptionLevel[];
  note: string;
}

/** County review: adopt at one or several levels (their points add up), or refuse with a note. */
export function ReviewInfoReportModal({ item, onClose }: { item: InfoReport | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ReviewValues>();
  const decision = Form.useWatch('decision', form) ?? 'adopt';
  const levels = Form.useWatch('levels', form) ?? [];
  const note = Form.useWatch('note', form) ?? '';
  const review = useReviewInfoReport();
  return (
    <FormModal<ReviewValues>
      open={!!item}
      onClose={onClose}
      title={`${t('information.review.title')}：${item?.title ?? ''}`}
      form={form}
      initialValues={{ decision: 'adopt', levels: ['county_bulletin'], note: '' }}
      okDisabled={decision === 'adopt' ? levels.length === 0 : note.trim().length < 2}
      okTestId="review-ok"
      onSubmit={(v) =>
        review.mutateAsync(
          v.decision === 'adopt'
            ? { id: item!.id, decision: v.decision, levels: v.levels, note: v.note || undefined }
            : { id: item!.id, decision: v.decision, note: v.note },
        )
      }
    >
      <Form.Item name="decision">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'adopt', label: t('information.review.adopt') },
            { value: 'reject', label: t('information.review.reject') },
          ]}
        />
      </Form.Item>
      {/* Hidden rather than removed on a refusal, so switching back keeps the levels ticked. */}
      <Form.Item name="levels" label={t('information.review.levels')} hidden={decision !== 'adopt'}>
        <Checkbox.Group
          options={ADOPTION_LEVELS.map((l) => ({ value: l, label: t(`information.level.${l}`) }))}
          data-testid="review-levels"
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('information.review.note')}
        help={decision === 'reject' ? t('information.review.noteRequired') : undefined}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** Adds one more level to an adopted item (e.g. forwarded to the city and adopted there). */
export function AddAdoptionModal({ item, onClose }: { item: InfoReport | null; onClose: () => void }) {
  const t = useT();
  const [level, setLevel] = useState<AdoptionLevel | undefined>();
  const add = useAddAdoption();
  const taken = new Set(item?.adoptions.map((a) => a.level));
  return (
    <Modal
      open={!!item}
      title={t('information.review.addTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !level }}
      confirmLoading={add.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        if (!item || !level) return;
        await add.mutateAsync({ id: item.id, level });
        setLevel(undefined);
        onClose();
      }}
    >
      <Select
        style={{ width: '100%' }}
        value={level}
        onChange={setLevel}
        options={ADOPTION_LEVELS.filter((l) => !taken.has(l)).map((l) => ({ value: l, label: t(`information.level.${l}`) }))}
      />
    </Modal>
  );
}
