/**
 * 以通知印发: the county admin issues the published scheme as a 通知 — the server drafts the county
 * office's outgoing document with the printed scheme attached — and the draft opens in outgoing
 * documents. When the draft was made before (409), the page opens that one instead.
 */
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useNoticeDocument, type SchemeDetail } from '../api/assessment.ts';
import { useApp } from '../../../lib/app-messages.tsx';

export function NoticeButton({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = useApp();
  const notice = useNoticeDocument(scheme.id);
  if (!scheme.allowedActions.includes('issueNotice')) return null;
  const open = (id: string) => navigate(`/documents/outgoing/${id}`);
  return (
    <Button
      data-testid="scheme-notice"
      loading={notice.isPending}
      onClick={() =>
        notice.mutate(undefined, {
          onSuccess: (r) => {
            message.success(t('assessment.notice.opened'));
            open(r.documentId);
          },
          onError: (e) => {
            const existing = e instanceof ApiError ? (e.details as { documentId?: string } | undefined)?.documentId : undefined;
            if (existing) {
              message.info(t('assessment.notice.exists'));
              open(existing);
            } else message.error(e.message);
          },
        })
      }
    >
      {t('assessment.notice.button')}
    </Button>
  );
}
