/**
 * /supervision/my-office — a township office's own standards, kept in the browser: its standing, its
 * staff filings of every kind, its training, rooms, equipment and expenses, its six rules and the
 * county's 十条禁令, and who holds each post.
 */
import { Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { chinaYear } from '@township-office/domain/dates';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { Expenses, Posts, RoomsAndEquipment, RulesAndProhibitions } from '../components/OfficeEnvironment.tsx';
import { StaffFiling } from '../components/StaffFiling.tsx';
import { TrainingSessions } from '../components/TrainingSessions.tsx';
import { Standing } from './TownshipPage.tsx';

const TABS = ['staff', 'training', 'environment', 'rules', 'standing'] as const;

export default function MyOfficePage() {
  const t = useT();
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('section') ?? '') ? params.get('section')! : 'staff';
  const orgId = me.org.id;
  const edit = can('environment.edit');
  return (
    <>
      <PageHeader title={t('supervision.my.title')} subtitle={me.org.name} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ section: k })}
        destroyOnHidden
        items={[
          { key: 'staff', label: t('supervision.my.tab.staff'), children: <StaffFiling orgId={orgId} /> },
          {
            key: 'training',
            label: t('supervision.my.tab.training'),
            children: <TrainingSessions orgId={orgId} mayRecord={can('training.record')} defaultOrganiser={me.org.name} />,
          },
          {
            key: 'environment',
            label: t('supervision.my.tab.environment'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }} size={16}>
                <RoomsAndEquipment orgId={orgId} editable={edit} />
                <Expenses orgId={orgId} editable={edit} />
              </Space>
            ),
          },
          {
            key: 'rules',
            label: t('supervision.my.tab.rules'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }} size={16}>
                <RulesAndProhibitions orgId={orgId} editable={edit} mayAcknowledge={can('environment.acknowledgeRules')} />
                <Posts orgId={orgId} editable={edit} />
              </Space>
            ),
          },
          { key: 'standing', label: t('supervision.my.tab.standing'), children: <Standing orgId={orgId} year={chinaYear()} /> },
        ]}
      />
    </>
  );
}
