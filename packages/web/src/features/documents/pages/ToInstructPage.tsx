/** /documents/to-instruct — 待我批示: incoming documents with the office's 拟办, waiting for the leader. */
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { IncomingTable } from './InboxPage.tsx';

export default function ToInstructPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('documents.toInstruct.title')} />
      <IncomingTable status="proposed" empty={t('documents.toInstruct.empty')} />
    </>
  );
}
