/** /documents/outgoing/:id — the drafting slip with the actions the record allows, in one bar at the bottom. */
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, InputNumber, Input, Modal, Radio, Result, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { usePeople } from '../../../lib/query.ts';
import { roleMay } from '@township-office/domain/permissions';
import type { Role } from '@township-office/domain/roles';
import { useDocument, useSlipAction, type SlipAction } from '../api/documents.ts';
import { useRevisions } from '../api/revisions.ts';
import { BodyView } from '../components/BodyView.tsx';
import { DocumentSlip } from '../components/DocumentSlip.tsx';
import { FlowSteps } from '../components/FlowSteps.tsx';
import { ReceiptTable } from '../components/ReceiptTable.tsx';
import { RevisionHistory, type Range } from '../components/RevisionHistory.tsx';
import { SignatureStatus } from '../components/SignatureStatus.tsx';
import { TextModal } from '../components/TextModal.tsx';
import { CopyNumbersField, PaperChannelField } from '../components/SecrecyFields.tsx';
import type { PaperChannel } from '@township-office/domain/documents';
import { useApp } from '../../../lib/app-messages.tsx';

type Dialog = null | 'review' | 'countersign' | 'signOff' | 'dispatchPaper' | 'void' | 'return' | 'addReviewer';
type PaperDispatchValues = { copies: number; copyNumbers?: string; paperChannel?: PaperChannel; sentDate?: Dayjs };

export default function DocumentSlipPage() {
  const { id = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  // The hook's confirm, not the static Modal.confirm: it follows the app's theme and language.
  const { message } = useApp();
  const [modal, modalHolder] = Modal.useModal();
  const { me } = useSession();
  const q = useDocument(id);
  const people = usePeople();
  const act = useSlipAction(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const revisions = useRevisions(id);
  const [revisionRange, setRevisionRange] = useState<Range | null>(null);
  // The version this user had seen when the slip opened (the first answer: opening it marks the latest seen).
  const [seenBefore, setSeenBefore] = useState<{ id: string; seq: number | null } | null>(null);
  useEffect(() => {
    if (revisions.data && seenBefore?.id !== id) {
      setSeenBefore({ id, seq: revisions.data.lastSeenSeq });
      setRevisionRange(null);
    }
  }, [revisions.data, id, seenBefore]);

  if (q.isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (q.isError)
    return (
      <Result
        status="warning"
        title={q.error.message}
        extra={<Button onClick={() => navigate('/documents/outgoing')}>{t('documents.action.back')}</Button>}
      />
    );
  const doc = q.data;
  const may = (a: string) => doc.allowedActions.includes(a);
  const announce = (a: SlipAction, done: string, r: unknown) => {
    const num = (r as { docNumber?: string } | undefined)?.docNumber;
    const count = (r as { deliveries?: number } | undefined)?.deliveries;
    void message.success(
      num
        ? t('documents.action.numbered', { number: num })
        : count !== undefined && a.kind === 'dispatch' && a.channel === 'online'
          ? t('documents.action.dispatched', { count })
          : t('documents.action.done', { what: done }),
    );
  };
  // The action bar's one-click actions; a dialog's action goes through `submit`, which FormModal awaits.
  const run = (a: SlipAction, done: string) => act.mutate(a, { onSuccess: (r) => announce(a, done, r) });
  const submit = (a: SlipAction, done: string) => act.mutateAsync(a).then((r) => announce(a, done, r));
  // The latest step back, shown while the document is still where that step put it.
  const lastStep = doc.flowSteps.at(-1);
  const lastReturn = lastStep?.kind === 'return' ? lastStep : undefined;
  const reviewers = (people.data ?? []).filter(
    (p) => p.id !== me.id && p.id !== doc.drafterId && roleMay(p.role as Role, 'documents.review'),
  );
  const recipientCount = doc.mainRecipientOrgIds.length + doc.copyRecipientOrgIds.length;
  const classified = doc.classification !== 'none';
  const pdfName = `${doc.docNumber ?? doc.title}.pdf`;
  const ownOrg = doc.orgId === me.org.id;
  const latestRevision = revisions.data?.items.at(-1)?.seq ?? 0;
  const lastSeen = seenBefore?.id === id ? seenBefore.seq : null;
  const showChangesSinceSeen = () => {
    if (lastSeen === null) return;
    setRevisionRange({ from: lastSeen, to: latestRevision });
    document.getElementById('revisions')?.scrollIntoView({ block: 'start' });
  };

  const buttons = [
    may('edit') && (
      <Button key="edit" onClick={() => navigate(`/documents/outgoing/${id}/edit`)}>
        {t('documents.action.edit')}
      </Button>
    ),
    may('submit') && (
      <Button key="submit" type="primary" onClick={() => run({ kind: 'submit' }, t('documents.action.submit'))} loading={act.isPending}>
        {t('documents.action.submit')}
      </Button>
    ),
    may('review') && (
      <Button key="review" type="primary" onClick={() => setDialog('review')}>
        {t('documents.action.review')}
      </Button>
    ),
    may('countersign') && (
      <Button key="countersign" type="primary" onClick={() => setDialog('countersign')}>
        {t('documents.action.countersign')}
      </Button>
    ),
    may('signOff') && (
      <Button key="signOff" type="primary" onClick={() => setDialog('signOff')}>
        {t('documents.action.signOff')}
      </Button>
    ),
    may('recheck') && (
      <Button
        key="recheck"
        type="primary"
        onClick={() =>
          modal.confirm({
            title: t('documents.action.recheck'),
            content: t('documents.action.confirmRecheck'),
            onOk: () => act.mutateAsync({ kind: 'recheck' }).then(() => void message.success(t('documents.action.rechecked'))),
          })
        }
      >
        {t('documents.action.recheck')}
      </Button>
    ),
    may('number') && (
      <Button key="number" type="primary" onClick={() => run({ kind: 'number' }, t('documents.action.number'))} loading={act.isPending}>
        {t('documents.action.number')}
      </Button>
    ),
    may('dispatchOnline') && (
      <Button
        key="dispatchOnline"
        type="primary"
        onClick={() =>
          modal.confirm({
            title: t('documents.action.dispatchOnline'),
            content: t('documents.action.confirmDispatch', { count: recipientCount }),
            onOk: () =>
              act
                .mutateAsync({ kind: 'dispatch', channel: 'online' })
                .then((r) => void message.success(t('documents.action.dispatched', { count: (r as { deliveries: number }).deliveries }))),
          })
        }
      >
        {t('documents.action.dispatchOnline')}
      </Button>
    ),
    may('dispatchPaper') && (
      <Button key="dispatchPaper" onClick={() => setDialog('dispatchPaper')}>
        {t('documents.action.dispatchPaper')}
      </Button>
    ),
    may('pdf') && (
      <Button key="pdf" icon={<FilePdfOutlined />} onClick={() => void openPdf(`/api/documents/${id}/pdf`)}>
        {t('documents.action.pdf')}
      </Button>
    ),
    may('pdf') && (
      <Button key="pdfDownload" onClick={() => void download(`/api/documents/${id}/pdf`, { fallbackName: pdfName })}>
        {t('documents.action.download')}
      </Button>
    ),
    // GB/T 33190 OFD, the national fixed-layout format: the same page as the PDF, for OFD readers.
    may('ofd') && (
      <Button
        key="ofdDownload"
        onClick={() => void download(`/api/documents/${id}/ofd`, { fallbackName: `${doc.docNumber ?? doc.title}.ofd` })}
      >
        {t('documents.action.downloadOfd')}
      </Button>
    ),
    // 退回 to an earlier step (the targets offered are those the record allows), 取回 by the sender, 加签.
    (may('returnToDrafter') || may('returnToReview')) && (
      <Button key="return" danger onClick={() => setDialog('return')} data-testid="flow-return">
        {t('documents.flow.return')}
      </Button>
    ),
    may('recall') && (
      <Button
        key="recall"
        data-testid="flow-recall"
        onClick={() =>
          modal.confirm({
            title: t('documents.flow.recall'),
            content: t('documents.flow.confirmRecall'),
            onOk: () => act.mutateAsync({ kind: 'recall' }).then(() => void message.success(t('documents.flow.recalled'))),
          })
        }
      >
        {t('documents.flow.recall')}
      </Button>
    ),
    may('addReviewer') && (
      <Button key="addReviewer" onClick={() => setDialog('addReviewer')} data-testid="flow-add-reviewer">
        {t('documents.flow.addReviewer')}
      </Button>
    ),
    may('void') && (
      <Button key="void" danger onClick={() => setDialog('void')}>
        {t('documents.action.void')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      {modalHolder}
      <PageHeader
        title={doc.title}
        subtitle={doc.docNumber ?? undefined}
        extra={
          <>
            {/* 发文笺: the drafting slip as PDF (GET /api/documents/{id}/slip), for the paper file. */}
            <Button icon={<PrinterOutlined />} data-testid="print-slip" onClick={() => void openPdf(`/api/documents/${id}/slip`)}>
              {t('documents.action.printDraftSlip')}
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(ownOrg ? '/documents/outgoing' : '/documents/inbox')}>
              {t('documents.action.back')}
            </Button>
          </>
        }
      />
      {lastSeen !== null && latestRevision > lastSeen ? (
        <Alert
          type="info"
          showIcon
          className="doc-section"
          style={{ marginBottom: 12 }}
          data-testid="revisions-changed-since-seen"
          message={t('documents.revisions.changedSinceSeen', { seq: lastSeen, latest: latestRevision })}
          action={
            <Button size="small" type="primary" data-testid="revisions-show-changes" onClick={showChangesSinceSeen}>
              {t('documents.revisions.showChanges')}
            </Button>
          }
        />
      ) : null}
      {doc.status === 'returned' && doc.reviewComment && !lastReturn ? (
        <Alert
          type="warning"
          showIcon
          className="doc-section"
          style={{ marginBottom: 12 }}
          message={t('documents.slip.returnedBanner', { comment: doc.reviewComment })}
        />
      ) : null}
      {doc.addedReviewer ? (
        <Alert
          type="info"
          showIcon
          className="doc-section"
          style={{ marginBottom: 12 }}
          data-testid="added-reviewer"
          message={t('documents.flow.pendingAdded', { name: doc.addedReviewer.name, by: doc.addedReviewer.addedByName })}
          description={doc.addedReviewer.note ?? undefined}
        />
      ) : null}
      {lastReturn && doc.status === (lastReturn.toStatus as string) ? (
        <Alert
          type="warning"
          showIcon
          className="doc-section"
          style={{ marginBottom: 12 }}
          data-testid="last-return"
          message={t('documents.flow.lastReturn', {
            user: lastReturn.userName,
            target: lastReturn.targetName ?? t(`documents.flow.toStatus_${lastReturn.toStatus === 'returned' ? 'returned' : 'in_review'}`),
            reason: lastReturn.reason ?? '',
          })}
        />
      ) : null}
      {doc.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon className="doc-section" style={{ marginBottom: 12 }} message={t(`documents.warning.${w}`)} />
      ))}
      <DocumentSlip doc={doc} />
      {doc.classification === 'none' ? <BodyView body={doc.body} testId="slip-body" /> : null}
      <RevisionHistory
        documentId={id}
        revisions={revisions.data}
        draft={doc.status === 'draft'}
        range={revisionRange}
        onRange={setRevisionRange}
      />
      <FlowSteps record={doc.flowRecord} />
      <SignatureStatus documentId={id} dispatched={doc.status === 'dispatched' && doc.channel === 'online'} />
      {may('viewDeliveries') ? <ReceiptTable documentId={id} canAct={ownOrg && doc.status === 'dispatched'} /> : null}
      <Flex className="doc-actionbar" gap={8} wrap align="center" data-testid="action-bar">
        {buttons.length ? buttons : <Typography.Text type="secondary">{t('documents.slip.noActions')}</Typography.Text>}
      </Flex>

      <ReviewModal
        open={dialog === 'review'}
        title={t('documents.action.review')}
        onClose={() => setDialog(null)}
        onDecide={(decision, comment) =>
          submit(
            { kind: 'review', decision, comment },
            decision === 'approve' ? t('documents.action.approve') : t('documents.action.return'),
          )
        }
      />
      <ReviewModal
        open={dialog === 'countersign'}
        title={t('documents.action.countersign')}
        onClose={() => setDialog(null)}
        opinionRequired
        approveText={t('documents.action.agree')}
        onDecide={(decision, opinion) =>
          submit(
            { kind: 'countersign', decision, opinion },
            decision === 'approve' ? t('documents.action.agree') : t('documents.action.return'),
          )
        }
      />
      <TextModal
        open={dialog === 'signOff'}
        title={t('documents.action.signOff')}
        label={t('documents.action.opinion')}
        initial={t('documents.action.opinionDefault')}
        required={t('documents.action.opinionRequired')}
        okText={t('documents.action.signOff')}
        onClose={() => setDialog(null)}
        onSubmit={(v) => submit({ kind: 'signOff', opinion: v.text.trim() }, t('documents.action.signOff'))}
        testId="signoff-modal"
      />
      <TextModal
        open={dialog === 'void'}
        title={t('documents.action.void')}
        label={t('documents.action.reason')}
        required={t('documents.action.reasonRequired')}
        max={500}
        onClose={() => setDialog(null)}
        onSubmit={(v) => submit({ kind: 'void', reason: v.text.trim() }, t('documents.action.void'))}
      />
      <TextModal
        open={dialog === 'return'}
        title={t('documents.flow.returnTitle')}
        label={t('documents.flow.reason')}
        help={t('documents.flow.reasonHelp')}
        required={t('documents.flow.reasonRequired')}
        max={500}
        okText={t('documents.flow.kind_return')}
        onClose={() => setDialog(null)}
        onSubmit={(v) => submit({ kind: 'return', to: v.to as 'drafter' | 'review', reason: v.text.trim() }, t('documents.flow.returned'))}
        testId="return-modal"
      >
        <Form.Item name="to" label={t('documents.flow.returnTo')} initialValue={may('returnToReview') ? 'review' : 'drafter'}>
          <Radio.Group data-testid="return-to">
            {may('returnToReview') ? <Radio value="review">{t('documents.flow.toReview')}</Radio> : null}
            {may('returnToDrafter') ? <Radio value="drafter">{t('documents.flow.toDrafter')}</Radio> : null}
          </Radio.Group>
        </Form.Item>
      </TextModal>
      <TextModal
        open={dialog === 'addReviewer'}
        title={t('documents.flow.addReviewerTitle')}
        label={t('documents.flow.note')}
        required={false}
        max={500}
        okText={t('documents.flow.addReviewer')}
        onClose={() => setDialog(null)}
        onSubmit={(v) => {
          const name = reviewers.find((p) => p.id === v.userId)?.displayName ?? '';
          return act
            .mutateAsync({ kind: 'addReviewer', userId: v.userId as string, note: v.text.trim() })
            .then(() => void message.success(t('documents.flow.added', { name })));
        }}
        testId="add-reviewer-modal"
      >
        <Form.Item
          name="userId"
          label={t('documents.flow.reviewer')}
          rules={[{ required: true, message: t('documents.flow.pickReviewer') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={people.isPending}
            options={reviewers.map((p) => ({ value: p.id, label: p.displayName }))}
            data-testid="add-reviewer-user"
          />
        </Form.Item>
      </TextModal>
      <FormModal<PaperDispatchValues>
        open={dialog === 'dispatchPaper'}
        title={t('documents.action.dispatchPaper')}
        onClose={() => setDialog(null)}
        initialValues={{ copies: recipientCount || 1, sentDate: dayjs() }}
        onSubmit={(v) =>
          submit(
            {
              kind: 'dispatch',
              channel: 'paper',
              copies: v.copies,
              // A classified document's 份号 are numbered by the server (000001 on); its channel is recorded.
              copyNumbers: classified ? undefined : v.copyNumbers?.trim() || undefined,
              paperChannel: classified ? v.paperChannel : undefined,
              sentDate: v.sentDate?.format('YYYY-MM-DD'),
            },
            t('documents.action.dispatchPaper'),
          )
        }
      >
        <Form.Item
          name="copies"
          label={t('documents.action.copies')}
          rules={[{ required: true }]}
          extra={classified ? t('documents.secrecy.autoNumbered') : undefined}
        >
          <InputNumber min={1} max={100000} style={{ width: 160 }} data-testid="dispatch-copies" />
        </Form.Item>
        {classified ? (
          <PaperChannelField testId="dispatch-paper-channel" />
        ) : (
          <CopyNumbersField label={t('documents.action.copyNumbers')} testId="dispatch-copy-numbers" />
        )}
        <Form.Item name="sentDate" label={t('documents.action.sentDate')}>
          <DatePicker />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 核稿 and 会签: approve or return with a comment (会签 always with an opinion). */
function ReviewModal({
  open,
  onClose,
  title,
  onDecide,
  opinionRequired = false,
  approveText,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  onDecide(decision: 'approve' | 'return', comment: string): Promise<unknown>;
  opinionRequired?: boolean;
  approveText?: string;
}) {
  const t = useT();
  const [form] = Form.useForm<{ comment?: string }>();
  // A return always needs a comment, an approval only in 会签: checked per button, so not a field rule.
  const decide = (decision: 'approve' | 'return') => async (v: { comment?: string }) => {
    const comment = v.comment?.trim() ?? '';
    if ((decision === 'return' || opinionRequired) && !comment) {
      form.setFields([{ name: 'comment', errors: [t('documents.action.commentRequired')] }]);
      throw new Error('comment required');
    }
    await onDecide(decision, comment);
  };
  return (
    <FormModal<{ comment?: string }>
      open={open}
      onClose={onClose}
      title={title}
      form={form}
      okText={approveText ?? t('documents.action.approve')}
      onSubmit={decide('approve')}
      extraActions={[{ label: t('documents.action.return'), danger: true, onSubmit: decide('return') }]}
    >
      <Form.Item name="comment" label={t('documents.action.comment')} help={t('documents.action.commentHelp')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount data-testid="review-comment" />
      </Form.Item>
    </FormModal>
  );
}
