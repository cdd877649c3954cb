/**
 * The app's themed `message` (toasts) for every page, without Ant Design's App component: App
 * also mounts Modal and notification for every page, the login page included (~10 KB compressed
 * of scripts most pages never use). A page that confirms or notifies mounts its own
 * (`Modal.useModal()`, `notification.useNotification()`), themed the same way.
 *
 *   const { message } = useApp();
 */
import { createContext, useContext, type ReactNode } from 'react';
import { message as antMessage } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

const MessageContext = createContext<MessageInstance | null>(null);

export function AppMessages({ children }: { children: ReactNode }) {
  const [message, holder] = antMessage.useMessage();
  return (
    <MessageContext.Provider value={message}>
      {holder}
      {children}
    </MessageContext.Provider>
  );
}

export function useApp(): { message: MessageInstance } {
  const message = useContext(MessageContext);
  if (!message) throw new Error('useApp() outside <AppMessages>');
  return { message };
}
