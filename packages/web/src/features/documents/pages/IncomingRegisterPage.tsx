/** /documents/registers/incoming — 收文登记本. */
import { RegisterView } from '../components/RegisterView.tsx';

export default function IncomingRegisterPage() {
  return <RegisterView kind="incoming" />;
}
