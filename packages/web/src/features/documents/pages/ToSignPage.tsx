/** /documents/to-sign — 待我签发: reviewed documents waiting for the leader's sign-off. */
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { OutgoingList } from './OutgoingListPage.tsx';

export default function ToSignPage() {
  const t = useT();
  return <OutgoingList fixedStatus="reviewed" title={t('documents.outgoing.toSignTitle')} empty={t('documents.outgoing.toSignEmpty')} />;
}
