/** One modal for the actions that take a sentence: review comment, sign-off opinion, reasons, 拟办, 批示… */
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from '../../../components/FormModal.tsx';

export type TextValues = { text: string } & Record<string, unknown>;

export interface TextModalProps {
  open: boolean;
  onClose(): void;
  title: ReactNode;
  label: ReactNode;
  placeholder?: string;
  help?: ReactNode;
  initial?: string;
  required?: string | false;
  max?: number;
  okText?: ReactNode;
  /** Extra fields (handlers, deadline…) read from the same form. */
  children?: ReactNode;
  /** Resolve to close the dialog, reject to keep it open (FormModal). */
  onSubmit(values: TextValues): Promise<unknown>;
  successMessage?: string;
  /** data-testid of the form; its text area gets `${testId}-text`. */
  testId?: string;
}

export function TextModal(p: TextModalProps) {
  return (
    <FormModal<TextValues>
      open={p.open}
      onClose={p.onClose}
      title={p.title}
      okText={p.okText}
      initialValues={{ text: p.initial ?? '' }}
      onSubmit={p.onSubmit}
      successMessage={p.successMessage}
      testId={p.testId}
    >
      <Form.Item
        name="text"
        label={p.label}
        help={p.help}
        rules={p.required ? [{ required: true, whitespace: true, message: p.required }] : []}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={p.max ?? 1000}
          showCount
          placeholder={p.placeholder}
          data-testid={p.testId ? `${p.testId}-text` : undefined}
        />
      </Form.Item>
      {p.children}
    </FormModal>
  );
}
