/**
 * The step of the year the county may take now (from the scheme's allowedActions): open the
 * consultation, publish, open the self-assessment, start scoring (freezes measured scores), open the
 * public notice, make the results final. A step refused by the server shows its message and the
 * scheme stays where it was.
 */
import { useState } from 'react';
import { Button, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { SCHEME_TRANSITIONS, type SchemeTransition } from '@township-office/domain/assessment';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useSession } from '../../../app/session.tsx';
import { useStep, type SchemeDetail } from '../api/assessment.ts';

const STEPS = Object.keys(SCHEME_TRANSITIONS) as SchemeTransition[];
/** Steps that open a window with a closing day. */
const WINDOWED: SchemeTransition[] = ['openConsultation', 'openNotice'];

export function StepBar({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const { can } = useSession();
  const step = useStep(scheme.id);
  const [asking, setAsking] = useState<SchemeTransition | null>(null);
  // The county admin sees every step the status allows: one its policy still refuses (weights not 100,
  // comments unanswered, scores missing) answers with the server's message saying what to do first.
  const shown = can('assessment.manage')
    ? STEPS.filter((s) => (SCHEME_TRANSITIONS[s].from as readonly string[]).includes(scheme.status))
    : [];
  if (!shown.length) return null;
  return (
    <>
      {shown.map((s) => (
        <Button
          key={s}
          type={s === 'publish' || s === 'finalise' ? 'primary' : 'default'}
          loading={step.isPending && step.variables?.step === s}
          data-testid={`step-${s}`}
          onClick={() => (WINDOWED.includes(s) ? setAsking(s) : step.mutate({ step: s }))}
        >
          {t(`assessment.step.${s}`)}
        </Button>
      ))}
      {asking && (
        <FormModal<{ closesOn?: Dayjs }>
          open
          onClose={() => setAsking(null)}
          title={t(`assessment.step.${asking}`)}
          onSubmit={(v) => step.mutateAsync({ step: asking, closesOn: v.closesOn?.format('YYYY-MM-DD') })}
          successMessage={t('assessment.saved')}
          okTestId="step-confirm"
        >
          <Form.Item name="closesOn" label={t('assessment.form.closesOn')} extra={t('assessment.form.closesOnHelp')}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
