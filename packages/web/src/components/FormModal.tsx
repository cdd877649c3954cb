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
 * `labelCol` lays a horizontal form's labels out (e.g. `{ flex: '96px' }`).
 * `extraActions` puts more buttons between Cancel and OK, for a dialog that ends in one of several
 * decisions (退回 beside 核稿通过): each validates and submits like OK, with its own onSubmit.
 * `successMessage` may be a function of what onSubmit resolved to, for a toast that names what the
 * server answered (`(u) => t('system.users.created', { name: u.displayName })`, with
 * `FormModal<UserCreate, User>`). `requiredMark={false}` hides the asterisks of required fields.
 */
import { useState, type ReactNode } from 'react';
import { Button, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { notifySuccess } from '../lib/notify.ts';

export interface FormModalAction<V extends object> {
  label: ReactNode;
  danger?: boolean;
  testId?: string;
  /** As FormModalProps.onSubmit, for this button. */
  onSubmit(values: V): Promise<unknown>;
  successMessage?: string;
}

export interface FormModalProps<V extends object, R = unknown> {
  open: boolean;
  onClose(): void;
  title: ReactNode;
  /** Filled in each time the dialog opens (the form is rebuilt on close). */
  initialValues?: Partial<V>;
  /** Runs with the validated values; resolve to close the dialog, reject to keep it open. */
  onSubmit(values: V): Promise<R>;
  /** Shown as a toast once onSubmit resolved (a function of its result, to name what the server answered). */
  successMessage?: string | ((result: R) => string);
  /** Called with the rejection of onSubmit (e.g. to mark a field); the global toast shows it unless the mutation is silent. */
  onError?(err: unknown): void;
  okText?: ReactNode;
  width?: number;
  form?: FormInstance<V>;
  layout?: 'vertical' | 'horizontal';
  labelCol?: FormProps<V>['labelCol'];
  /** false: no asterisk beside required fields (the Form's own default shows it). */
  requiredMark?: boolean;
  /** data-testid of the Form and of the OK button. */
  testId?: string;
  okTestId?: string;
  /** Extra disabling of OK (e.g. nothing chosen yet). */
  okDisabled?: boolean;
  /** Buttons between Cancel and OK, each submitting the form its own way. */
  extraActions?: FormModalAction<V>[];
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
  labelCol,
  requiredMark,
  testId,
  okTestId,
  okDisabled,
  extraActions,
  children,
}: FormModalProps<V, R>) {
  const t = useT();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  // Which button's request is running: 'ok' or the index of an extra action.
  const [busy, setBusy] = useState<'ok' | number | null>(null);
  const run = async <T,>(which: 'ok' | number, submit: (values: V) => Promise<T>, success?: string | ((result: T) => string)) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the messages beside the fields
    }
    setBusy(which);
    let result: T;
    try {
      result = await submit(values);
    } catch (err) {
      onError?.(err);
      return;
    } finally {
      setBusy(null);
    }
    if (success) notifySuccess(typeof success === 'function' ? success(result) : success);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy === 'ok'}
      okButtonProps={
        { disabled: okDisabled || (busy !== null && busy !== 'ok'), ...(okTestId ? { 'data-testid': okTestId } : {}) } as never
      }
      onCancel={onClose}
      onOk={() => void run('ok', onSubmit, successMessage)}
      footer={
        extraActions?.length
          ? (_, { OkBtn, CancelBtn }) => (
              <>
                <CancelBtn />
                {extraActions.map((a, i) => (
                  <Button
                    key={i}
                    danger={a.danger}
                    loading={busy === i}
                    disabled={busy !== null && busy !== i}
                    onClick={() => void run(i, a.onSubmit, a.successMessage)}
                    data-testid={a.testId}
                  >
                    {a.label}
                  </Button>
                ))}
                <OkBtn />
              </>
            )
          : undefined
      }
      destroyOnHidden
    >
      {/* clearOnDestroy: the form instance outlives the dialog, and antd would merge the last opening's
          values over new initialValues (the roster's second day opened with the first day's people). */}
      <Form<V>
        form={form}
        layout={layout}
        labelCol={labelCol}
        requiredMark={requiredMark}
        preserve={false}
        clearOnDestroy
        initialValues={initialValues}
        data-testid={testId}
      >
        {children}
      </Form>
    </Modal>
  );
}
