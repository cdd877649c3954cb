import { Suspense } from 'react';
import { Col, Row } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Panel, PlainSkeleton, Txt } from '../../components/plain.tsx';
import { MENU_GROUPS, visibleEntries } from '../nav.tsx';
import { useSession } from '../session.tsx';
import { WORKBENCH_CARDS } from '../workbench.tsx';
import { TodoPanel } from '../../features/workbench/components/TodoPanel.tsx';
import { DonePanel } from '../../features/workbench/components/DonePanel.tsx';

/** 工作台: my to-dos across every module (one server query, GET /api/workbench), 已办, extra module cards (app/workbench.tsx) and the way into each module. */
export default function WorkbenchPage() {
  const t = useT();
  const { me, can } = useSession();
  const entries = visibleEntries(me.allowedActions, me.org.kind).filter(
    (e) => e.menu !== false && e.group !== 'workbench' && e.group !== 'system',
  );
  const cards = WORKBENCH_CARDS.filter((c) => can(c.action));
  return (
    <>
      <PageHeader
        title={t('workbench.greeting', { name: me.displayName })}
        subtitle={`${me.org.name} · ${dayjs().format(t('date.long'))}`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Panel title={t('workbench.todos')} bodyStyle={{ paddingTop: 12 }}>
            <TodoPanel />
          </Panel>
          {cards.length > 0 && (
            <Row gutter={[12, 12]} style={{ marginTop: 16 }}>
              {cards.map(({ key, Component }) => (
                <Col key={key} xs={24} md={12}>
                  <Suspense
                    fallback={
                      <Panel>
                        <PlainSkeleton />
                      </Panel>
                    }
                  >
                    <Component />
                  </Suspense>
                </Col>
              ))}
            </Row>
          )}
          <Panel title={t('workbench.done')} style={{ marginTop: 16 }}>
            <DonePanel />
          </Panel>
        </Col>
        <Col xs={24} xl={8}>
          <Panel title={t('workbench.modules')}>
            {MENU_GROUPS.filter((g) => entries.some((e) => e.group === g.group)).map(({ group, icon }) => (
              <div key={group} style={{ marginBottom: 12 }}>
                <Txt strong>
                  {icon} {t(`nav.group.${group}`)}
                </Txt>
                <div style={{ paddingLeft: 22, marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
                  {entries
                    .filter((e) => e.group === group)
                    .map((e) => (
                      <Link key={e.key} to={e.path}>
                        {t(e.labelKey)}
                      </Link>
                    ))}
                </div>
              </div>
            ))}
          </Panel>
        </Col>
      </Row>
    </>
  );
}
