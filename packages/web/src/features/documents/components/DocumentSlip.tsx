/** 发文笺: the drafting slip's boxes in the paper form's order. */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Upload } from 'antd';
import { useLang, useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDate, formatDateText } from '../../../lib/format.tsx';
import { request, saveBlob, fileNameFrom } from '../../../lib/api.ts';
import { useRemoveAttachment, useUploadAttachment } from '../api/documents.ts';
import type { DocumentRecord } from '../api/types.ts';
import { ClassificationTag, DocStatusTag, UrgencyTag } from './labels.tsx';
import { useRecipientText } from './recipients.ts';
import './slip.css';
import { useApp } from '../../../lib/app-messages.tsx';

async function downloadAttachment(docId: string, a: { id: string; fileName: string }) {
  const res = await request('GET', `/api/documents/${docId}/attachments/${a.id}`);
  saveBlob(await res.blob(), fileNameFrom(res.headers.get('Content-Disposition'), a.fileName));
}

export function DocumentSlip({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = useApp();
  const recipients = useRecipientText();
  const upload = useUploadAttachment(doc.id);
  const remove = useRemoveAttachment(doc.id);
  const canUpload = doc.allowedActions.includes('uploadAttachment');
  const text = (d: string | null) => formatDateText(d, lang);
  const notYet = (key: string) => <span className="pending">{t(`documents.slip.${key}`)}</span>;
  const classified = doc.classification !== 'none';
  return (
    <div className="doc-slip" data-testid="document-slip">
      <h2 className="doc-slip-title">{t('documents.slip.title')}</h2>
      <div className="doc-slip-sub">
        {t('documents.slip.org', { name: doc.orgName })} <DocStatusTag status={doc.status} />
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('documents.slip.docType')}</th>
            <td data-testid="slip-docType">
              {doc.docType}
              {doc.upward ? <span className="pending">{`\u3000${t('documents.slip.upward')}`}</span> : null}
              {doc.important ? <span className="pending">{`\u3000${t('documents.slip.important')}`}</span> : null}
            </td>
            <th>{t('documents.slip.urgency')}</th>
            <td>{doc.urgency === 'none' ? t('documents.urgency.none') : <UrgencyTag urgency={doc.urgency} />}</td>
          </tr>
          <tr>
            <th>{t('documents.slip.titleField')}</th>
            <td colSpan={3} className="doc-title" data-testid="slip-title">
              {doc.title}
            </td>
          </tr>
          {doc.replyTo ? (
            <tr>
              <th>{t('documents.slip.replyTo')}</th>
              <td colSpan={3} data-testid="slip-replyTo">
                {t('documents.slip.replyToText', {
                  sender: doc.replyTo.senderName,
                  title: doc.replyTo.title,
                  number: doc.replyTo.docNumber ?? '',
                })}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('documents.slip.main')}</th>
            <td colSpan={3} data-testid="slip-main">
              {/* A recipient group reads as its name, as on the printed document. */}
              {doc.mainRecipientGroups.length ? doc.mainRecipientsText : recipients(doc.mainRecipientOrgIds)}
            </td>
          </tr>
          <tr>
            <th>{t('documents.slip.copy')}</th>
            <td colSpan={3}>
              {doc.copyRecipientGroups.length
                ? doc.copyRecipientsText
                : doc.copyRecipientOrgIds.length
                  ? recipients(doc.copyRecipientOrgIds)
                  : t('documents.slip.none')}
            </td>
          </tr>
          <tr>
            <th>{t('documents.slip.classification')}</th>
            <td>
              {classified ? (
                <ClassificationTag classification={doc.classification} mark={doc.secrecyMark} />
              ) : (
                t('documents.classification.none')
              )}
            </td>
            <th>{t('documents.slip.drafter')}</th>
            <td>
              {doc.drafterName} <span className="pending">{text(doc.draftedAt)}</span>
            </td>
          </tr>
          <tr>
            <th>{t('documents.slip.review')}</th>
            <td colSpan={3} data-testid="slip-review">
              <div className="opinion">{doc.reviewedAt ? doc.reviewComment || t('documents.slip.agreed') : notYet('pendingReview')}</div>
              {doc.reviewedAt ? (
                <div className="sig">
                  {doc.reviewerName}
                  {'\u3000'}
                  {text(doc.reviewedAt)}
                </div>
              ) : null}
            </td>
          </tr>
          {doc.countersigns.length > 0 ? (
            <tr>
              <th>{t('documents.slip.countersign')}</th>
              <td colSpan={3} data-testid="slip-countersign">
                {doc.countersigns.map((c) => (
                  <div key={c.orgId} className="countersign" data-testid={`countersign-${c.orgId}`}>
                    <strong>{c.orgName}</strong>
                    {'　'}
                    <span className={c.status === 'pending' ? 'pending' : undefined}>{t(`documents.countersign.${c.status}`)}</span>
                    {c.opinion ? <div className="opinion">{c.opinion}</div> : null}
                    {c.decidedAt ? (
                      <div className="sig">
                        {c.forUserName ? t('documents.onBehalf', { by: c.userName ?? '', for: c.forUserName }) : c.userName}
                        {'　'}
                        {text(c.decidedAt)}
                      </div>
                    ) : null}
                  </div>
                ))}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('documents.slip.signOff')}</th>
            <td colSpan={3} data-testid="slip-signoff">
              <div className="opinion" style={{ fontSize: 15 }}>
                {doc.signedAt ? (
                  doc.signOffOpinion
                ) : doc.resignBy ? (
                  <span className="pending">{t('documents.slip.pendingResign', { name: doc.resignBy })}</span>
                ) : (
                  notYet(doc.upward || doc.important ? 'pendingPrincipal' : 'pendingSign')
                )}
              </div>
              {doc.signedAt ? (
                <div className="sig" data-testid="slip-signer">
                  {doc.signerForName ? t('documents.onBehalf', { by: doc.signerName ?? '', for: doc.signerForName }) : doc.signerName}
                  {'\u3000'}
                  {text(doc.signedAt)}
                </div>
              ) : null}
            </td>
          </tr>
          {doc.signedAt ? (
            <tr>
              <th>{t('documents.slip.recheck')}</th>
              <td colSpan={3} data-testid="slip-recheck">
                {doc.recheckedAt ? (
                  <div className="sig">
                    {doc.recheckedByName}
                    {'\u3000'}
                    {text(doc.recheckedAt)}
                  </div>
                ) : (
                  notYet('pendingRecheck')
                )}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('documents.slip.docNumber')}</th>
            <td data-testid="slip-docNumber">{doc.docNumber ?? <span className="pending">{t('documents.slip.numberLater')}</span>}</td>
            <th>{t('documents.slip.writtenDate')}</th>
            <td data-testid="slip-writtenDate">{doc.writtenDateText ?? notYet('pendingSign')}</td>
          </tr>
          <tr>
            <th>{t('documents.slip.attachments')}</th>
            <td colSpan={3}>
              {classified ? (
                <span className="pending">{t('documents.slip.classifiedBody')}</span>
              ) : (
                <Flex vertical gap={4}>
                  {doc.attachmentNote ? (
                    <div>
                      {t('documents.slip.attachmentNote')}：{doc.attachmentNote}
                    </div>
                  ) : null}
                  {doc.attachments.length === 0 && !canUpload ? t('documents.slip.none') : null}
                  {doc.attachments.map((a) => (
                    <Flex key={a.id} gap={8} align="center">
                      <PaperClipOutlined />
                      <a onClick={() => void downloadAttachment(doc.id, a)}>{a.fileName}</a>
                      <span className="pending">{Math.max(1, Math.round(a.size / 1024))} KB</span>
                      {canUpload ? (
                        <Button
                          size="small"
                          type="text"
                          icon={<DeleteOutlined />}
                          onClick={() => remove.mutate(a.id)}
                          aria-label={t('documents.slip.remove')}
                        />
                      ) : null}
                    </Flex>
                  ))}
                  {canUpload ? (
                    <Upload
                      showUploadList={false}
                      beforeUpload={(file) => {
                        upload.mutate(file, { onSuccess: () => void message.success(t('documents.slip.uploaded', { name: file.name })) });
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                        {t('documents.slip.upload')}
                      </Button>
                    </Upload>
                  ) : null}
                </Flex>
              )}
            </td>
          </tr>
          {doc.channel ? (
            <tr>
              <th>{t('documents.slip.channel')}</th>
              <td colSpan={3} data-testid="slip-channel">
                {doc.channel === 'online'
                  ? t('documents.slip.sentOnline', { date: formatDate(doc.dispatchedAt) })
                  : t('documents.slip.sentPaper', { copies: doc.copies ?? '', date: formatDate(doc.dispatchedAt) })}
                {doc.copyNumbers ? `，${t('documents.slip.copyNumbers', { numbers: doc.copyNumbers })}` : ''}
                {doc.paperChannel ? `，${t(`documents.secrecy.channel.${doc.paperChannel}`)}` : ''}
              </td>
            </tr>
          ) : null}
          {doc.status === 'void' ? (
            <tr>
              <th>{t('documents.docStatus.void')}</th>
              <td colSpan={3} style={{ color: '#cf1322' }}>
                {t('documents.slip.voided', { reason: doc.voidReason ?? '' })}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
