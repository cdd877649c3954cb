import { Suspense } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
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
          <Card title={t('workbench.todos')} styles={{ body: { paddingTop: 12 } }}>
            <TodoPanel />
          </Card>
          {cards.length > 0 && (
            <Row gutter={[12, 12]} style={{ marginTop: 16 }}>
              {cards.map(({ key, Component }) => (
                <Col key={key} xs={24} md={12}>
                  <Suspense fallback={<Card loading size="small" />}>
                    <Component />
                  </Suspense>
                </Col>
              ))}
            </Row>
          )}
          <Card title={t('workbench.done')} style={{ marginTop: 16 }}>
            <DonePanel />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('workbench.modules')}>
            {MENU_GROUPS.filter((g) => entries.some((e) => e.group === g.group)).map(({ group, icon }) => (
              <div key={group} style={{ marginBottom: 12 }}>
                <Typography.Text strong>
                  {icon} {t(`nav.group.${group}`)}
                </Typography.Text>
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
          </Card>
        </Col>
      </Row>
    </>
  );
}
