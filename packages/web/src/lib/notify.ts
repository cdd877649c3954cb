/**
 * Messages outside React components (the global error handler of queries and mutations). The app
 * shell hands over Ant Design's themed `message` instance; pages use useApp() (lib/app-messages.tsx).
 */
import type { MessageInstance } from 'antd/es/message/interface';

let instance: MessageInstance | null = null;

export function setMessageInstance(m: MessageInstance | null): void {
  instance = m;
}

export function notifyError(text: string): void {
  instance?.error({ content: text, duration: 6 });
}

export function notifySuccess(text: string): void {
  instance?.success(text);
}
