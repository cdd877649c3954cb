/** /documents/registers/outgoing — 发文登记本. */
import { useSession } from '../../../app/session.tsx';
import { SheetImport } from '../../../components/index.ts';
import { RegisterView } from '../components/RegisterView.tsx';

export default function OutgoingRegisterPage() {
  const { can } = useSession();
  return (
    <RegisterView kind="outgoing" extra={can('documents.dispatch') ? <SheetImport register="outgoing" invalidate="documents" /> : null} />
  );
}
