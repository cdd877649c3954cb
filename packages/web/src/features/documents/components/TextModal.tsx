/** One modal for the actions that take a sentence: review comment, sign-off opinion, reasons, 拟办, 批示… */
import { Form, Input, Modal } from 'antd';
import { useEffect, type ReactNode } from 'react';

export interface TextModalProps {
  open: boolean;
  title: ReactNode;
  label: ReactNode;
  placeholder?: string;
  help?: ReactNode;
  initial?: string;
  required?: string | false;
  max?: number;
  okText?: ReactNode;
  confirmLoading?: boolean;
  /** Extra fields (handlers, deadline…) read from the same form. */
  children?: ReactNode;
  onOk(values: { text: string } & Record<string, unknown>): void;
  onCancel(): void;
  testId?: string;
}

export function TextModal(p: TextModalProps) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (p.open) form.setFieldsValue({ text: p.initial ?? '' });
  }, [p.open, p.initial, form]);
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText}
      confirmLoading={p.confirmLoading}
      onCancel={p.onCancel}
      onOk={() => void form.validateFields().then((v) => p.onOk(v))}
      destroyOnHidden
      data-testid={p.testId}
    >
      <Form form={form} layout="vertical" preserve={false}>
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
      </Form>
    </Modal>
  );
}
