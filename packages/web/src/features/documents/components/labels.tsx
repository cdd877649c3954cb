/** Status tags and labels of the documents module, in UI.md's colours. */
import { Tag } from 'antd';
import type { Classification, DeliveryStatus, DocumentStatus, IncomingStatus, Urgency } from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { StatusTag, type StatusTone } from '../../../lib/format.tsx';

const DOC_TONE: Record<DocumentStatus, StatusTone> = {
  draft: 'draft',
  returned: 'warning',
  in_review: 'inProgress',
  reviewed: 'inProgress',
  signed_off: 'inProgress',
  numbered: 'inProgress',
  dispatched: 'done',
  void: 'draft',
};
const DELIVERY_TONE: Record<DeliveryStatus, StatusTone> = {
  pending: 'inProgress',
  acknowledged: 'done',
  returned: 'warning',
  withdrawn: 'draft',
};
const INCOMING_TONE: Record<IncomingStatus, StatusTone> = {
  received: 'inProgress',
  returned: 'warning',
  circulating: 'inProgress',
  accepted: 'inProgress',
  proposed: 'inProgress',
  instructed: 'inProgress',
  in_progress: 'inProgress',
  closed: 'done',
};

export function DocStatusTag({ status }: { status: DocumentStatus }) {
  const t = useT();
  return <StatusTag tone={DOC_TONE[status]}>{t(`documents.docStatus.${status}`)}</StatusTag>;
}

export function DeliveryStatusTag({ status, overdue }: { status: DeliveryStatus; overdue?: boolean }) {
  const t = useT();
  return <StatusTag tone={overdue ? 'overdue' : DELIVERY_TONE[status]}>{t(`documents.deliveryStatus.${status}`)}</StatusTag>;
}

export function IncomingStatusTag({ status, overdue }: { status: IncomingStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <StatusTag tone={overdue ? 'overdue' : INCOMING_TONE[status]}>
      {overdue ? t('documents.proc.overdue') : t(`documents.incomingStatus.${status}`)}
    </StatusTag>
  );
}

/** 特急 / 加急 in red; nothing for an ordinary document. */
export function UrgencyTag({ urgency }: { urgency: Urgency | string }) {
  const t = useT();
  if (urgency === 'none' || !urgency) return null;
  return (
    <Tag color={urgency === 'extra_urgent' ? 'red' : 'orange'} style={{ marginInlineEnd: 4 }}>
      {t(`documents.urgency.${urgency}`)}
    </Tag>
  );
}

/** 秘密 / 机密 / 绝密 marked; 非密 shown plainly only where a column asks for it. */
export function ClassificationTag({
  classification,
  showNone,
  mark,
}: {
  classification: Classification | string;
  showNone?: boolean;
  /** 密级和保密期限 as the server prints it (秘密★1年): shown as it stands when it carries a period. */
  mark?: string;
}) {
  const t = useT();
  if (classification === 'none' || !classification) return showNone ? <span>{t('documents.classification.none')}</span> : null;
  return (
    <Tag color="volcano" style={{ marginInlineEnd: 4 }} data-testid="secrecy-mark">
      {mark?.includes('★') ? mark : `★${t(`documents.classification.${classification}`)}`}
    </Tag>
  );
}
