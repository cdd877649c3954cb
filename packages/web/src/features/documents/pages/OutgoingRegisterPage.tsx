/** /documents/registers/outgoing — 发文登记本. */
import { RegisterView } from '../components/RegisterView.tsx';

export default function OutgoingRegisterPage() {
  return <RegisterView kind="outgoing" />;
}
