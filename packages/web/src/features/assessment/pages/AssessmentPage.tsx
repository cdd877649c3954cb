/**
 * /supervision/assessment — the year's scheme and where every office stands. The county edits a
 * draft's indicator tree (copying last year's to start), takes the year's steps, answers comments
 * and appeals and scores the manual items; an office comments in the consultation, sends its
 * self-assessment evidence, sees its running score with the gap on each item, and appeals in the
 * notice. What each user may do comes from the scheme's allowedActions.
 */
import { useState } from 'react';
import { Button, Card, Empty, InputNumber, Select, Space, Tag } from 'antd';
import { chinaYear } from '@township-office/domain/dates';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useSession } from '../../../app/session.tsx';
import { useScheme, useSchemes } from '../api/assessment.ts';
import { SchemeTree } from '../components/SchemeTree.tsx';
import { StepBar } from '../components/StepBar.tsx';
import { NoticeButton } from '../components/NoticeButton.tsx';
import { SchemeCreateModal } from '../components/SchemeCreateModal.tsx';
import { ResultsCard } from '../components/ResultsCard.tsx';
import { AppealsCard, ConsultationCard } from '../components/ExchangesCard.tsx';
import { STATUS_COLOR } from '../components/labels.ts';
import { SELF_STEPS, SelfAssessmentCard } from '../components/SelfAssessmentCard.tsx';
import { GradesLine, VersionsCard } from '../components/VersionsCard.tsx';

export default function AssessmentPage() {
  const t = useT();
  const { can } = useSession();
  const [year, setYear] = useState(chinaYear());
  const schemes = useSchemes(year);
  const [picked, setPicked] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // The township scheme first: 18 of the county's offices are assessed by it.
  const items = [...(schemes.data?.items ?? [])].sort(
    (a, b) => (a.targetKind === 'township' ? 0 : 1) - (b.targetKind === 'township' ? 0 : 1),
  );
  const id = picked && items.some((x) => x.id === picked) ? picked : (items[0]?.id ?? null);
  const scheme = useScheme(id);
  const s = scheme.data;
  const county = can('assessment.score');
  const showResults = !!s && s.status !== 'draft' && s.status !== 'consultation';
  return (
    <>
      <PageHeader
        title={t('assessment.title')}
        extra={
          <Space wrap>
            <InputNumber
              aria-label={t('assessment.year')}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && (setYear(v), setPicked(null))}
            />
            <Select
              aria-label={t('assessment.scheme')}
              data-testid="scheme-select"
              style={{ minWidth: 260, maxWidth: '100%' }}
              value={id ?? undefined}
              onChange={setPicked}
              options={items.map((x) => ({ value: x.id, label: `${x.title}（${t(`assessment.status.${x.status}`)}）` }))}
            />
            {can('assessment.manage') && (
              <Button data-testid="scheme-new" onClick={() => setCreating(true)}>
                {t('assessment.create.button')}
              </Button>
            )}
          </Space>
        }
      />
      {schemes.isSuccess && !id && <Empty description={t('assessment.empty')} />}
      {s && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space wrap>
              <span>{s.title}</span>
              <Tag color={STATUS_COLOR[s.status]} data-testid="scheme-status">
                {t(`assessment.status.${s.status}`)}
              </Tag>
            </Space>
          }
          extra={
            <Space wrap>
              <StepBar scheme={s} />
              <NoticeButton scheme={s} />
            </Space>
          }
        >
          <div>{t(`assessment.statusHelp.${s.status}`)}</div>
          <GradesLine scheme={s} />
        </Card>
      )}
      {/* An office looks for its own standing first; the county for the scheme it steers. */}
      {s && !county && SELF_STEPS.includes(s.status) && <SelfAssessmentCard scheme={s} />}
      {s && !county && showResults && <ResultsCard scheme={s} />}
      {s && <SchemeTree scheme={s} />}
      {s && <ConsultationCard scheme={s} />}
      {s && county && SELF_STEPS.includes(s.status) && <SelfAssessmentCard scheme={s} />}
      {s && county && showResults && <ResultsCard scheme={s} />}
      {s && <VersionsCard scheme={s} />}
      {s && <AppealsCard scheme={s} />}
      {creating && (
        <SchemeCreateModal
          year={year}
          onClose={() => setCreating(false)}
          onCreated={(newId, y) => {
            setYear(y);
            setPicked(newId);
          }}
        />
      )}
    </>
  );
}
