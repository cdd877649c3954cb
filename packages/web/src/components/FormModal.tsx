/**
 * A Modal with its Form (19 pages wrote the pair inline): the title, fresh initial values each time
 * it opens, the fields validated on OK (antd rules, or the domain's zod rules through `zodRule`),
 * the OK button busy while the request runs, a success message, and the dialog left open with the
 * server's message shown when the request fails (the user's input is never lost).
 *
 *   <FormModal<VisitValues>
 *     open={open} onClose={() => setOpen(false)}
 *     title={t('reception.visits.new')}
 *     initialValues={{ date: dayjs() }}
 *     onSubmit={(v) => create.mutateAsync(toVisitIn(v))}
 *     successMessage={t('reception.visits.saved')}
 *     okTestId="visit-save"
 *   >
 *     <Form.Item name="unit" label={t('reception.visits.unit')} rules={[rule(visitInSchema.shape.visitingUnit, t('reception.visits.unit'))]}>
 *       <Input />
 *     </Form.Item>
 *   </FormModal>
 *
 * Pass `form` (from `Form.useForm()`) when the page must read or set fields while the dialog is open.
 * `successMessage` may be a function of what onSubmit resolved to, for a toast that names what the
 * server answered (`(u) => t('system.users.created', { name: u.displayName })`, with
 * `FormModal<UserCreate, User>`). `requiredMark={false}` hides the asterisks of required fields.
 */
import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { notifySuccess } from '../lib/notify.ts';

export interface FormModalProps<V extends object, R = unknown> {
  open: boolean;
  onClose(): void;
  title: ReactNode;
  /** Filled in each time the dialog opens (the form is rebuilt on close). */
  initialValues?: Partial<V>;
  /** Runs with the validated values; resolve to close the dialog, reject to keep it open. */
  onSubmit(values: V): Promise<R>;
  /** Shown as a toast once onSubmit resolved; a function gets what it resolved to. */
  successMessage?: string | ((result: R) => string);
  /** Called with the rejection of onSubmit (e.g. to mark a field); the global toast shows it unless the mutation is silent. */
  onError?(err: unknown): void;
  okText?: ReactNode;
  width?: number;
  form?: FormInstance<V>;
  layout?: 'vertical' | 'horizontal';
  /** false: no asterisk beside required fields (the Form's own default shows it). */
  requiredMark?: boolean;
  /** data-testid of the Form and of the OK button. */
  testId?: string;
  okTestId?: string;
  /** Extra disabling of OK (e.g. nothing chosen yet). */
  okDisabled?: boolean;
  children: ReactNode;
}

export function FormModal<V extends object, R = unknown>({
  open,
  onClose,
  title,
  initialValues,
  onSubmit,
  successMessage,
  onError,
  okText,
  width,
  form: given,
  layout = 'vertical',
  requiredMark,
  testId,
  okTestId,
  okDisabled,
  children,
}: FormModalProps<V, R>) {
  const t = useT();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the messages beside the fields
    }
    setBusy(true);
    let result: R;
    try {
      result = await onSubmit(values);
    } catch (err) {
      onError?.(err);
      return;
    } finally {
      setBusy(false);
    }
    if (successMessage) notifySuccess(typeof successMessage === 'function' ? successMessage(result) : successMessage);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: okDisabled, ...(okTestId ? { 'data-testid': okTestId } : {}) } as never}
      onCancel={onClose}
      onOk={() => void ok()}
      destroyOnHidden
    >
      <Form<V> form={form} layout={layout} requiredMark={requiredMark} preserve={false} initialValues={initialValues} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}
