/**
 * Ant Design's Result, loaded only when a status page is shown (router.tsx): its 403/404/500
 * illustrations are ~30 KB of SVG in JavaScript that the first bundle need not carry.
 */
import { Result, type ResultProps } from 'antd';

export default function StatusResult(props: ResultProps) {
  return <Result {...props} />;
}
