import { Checkbox, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { ADOPTION_LEVELS, type AdoptionLevel } from '@township-office/domain/information';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useAddAdoption, useReviewInfoReport, type InfoReport } from '../api/information.ts';

/** County review: adopt at one or several levels (their points add up), or refuse with a note. */
export function ReviewInfoReportModal({ item, onClose }: { item: InfoReport | null; onClose: () => void }) {
  const t = useT();
  const [decision, setDecision] = useState<'adopt' | 'reject'>('adopt');
  const [levels, setLevels] = useState<AdoptionLevel[]>(['county_bulletin']);
  const [note, setNote] = useState('');
  const review = useReviewInfoReport();
  return (
    <Modal
      open={!!item}
      title={`${t('information.review.title')}：${item?.title ?? ''}`}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      okButtonProps={
        { disabled: decision === 'adopt' ? levels.length === 0 : note.trim().length < 2, 'data-testid': 'review-ok' } as ButtonProps
      }
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        if (!item) return;
        await review.mutateAsync(
          decision === 'adopt' ? { id: item.id, decision, levels, note: note || undefined } : { id: item.id, decision, note },
        );
        onClose();
      }}
    >
      <Form layout="vertical">
        <Form.Item>
          <Radio.Group
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
            optionType="button"
            options={[
              { value: 'adopt', label: t('information.review.adopt') },
              { value: 'reject', label: t('information.review.reject') },
            ]}
          />
        </Form.Item>
        {decision === 'adopt' ? (
          <Form.Item label={t('information.review.levels')}>
            <Checkbox.Group
              value={levels}
              onChange={(v) => setLevels(v as AdoptionLevel[])}
              options={ADOPTION_LEVELS.map((l) => ({ value: l, label: t(`information.level.${l}`) }))}
              data-testid="review-levels"
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('information.review.note')} help={decision === 'reject' ? t('information.review.noteRequired') : undefined}>
          <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
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
