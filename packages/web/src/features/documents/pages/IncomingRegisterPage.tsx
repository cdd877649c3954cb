/** /documents/registers/incoming — 收文登记本. */
import { useSession } from '../../../app/session.tsx';
import { SheetImport } from '../../../components/index.ts';
import { RegisterView } from '../components/RegisterView.tsx';

export default function IncomingRegisterPage() {
  const { can } = useSession();
  return (
    <RegisterView kind="incoming" extra={can('documents.receive') ? <SheetImport register="incoming" invalidate="documents" /> : null} />
  );
}
