/**
 * The workbench and the modules' policies agree: every documents to-do a demo role is shown on a
 * fresh demo county is an action that role may take on that record (the record's own
 * `allowedActions`, computed from documents.policy.ts), and every delivery offered for 签收 — the
 * workbench's batch action — is accepted by the service (tried in a rolled-back transaction). The
 * roles that may not acknowledge are offered none.
 */
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/context.ts';
import { acknowledgeDelivery } from '../../src/modules/documents/deliveries.service.ts';
import { markRead } from '../../src/modules/documents/incoming.service.ts';
import { as, testApp } from '../helpers.ts';
import { demoActor, tryInRollback } from '../support/policy-agreement.ts';

const { app, database } = await testApp();

/** The policy action each documents to-do stands for. */
const ACTION: Record<string, string> = {
  'incoming.screen': 'screen',
  'incoming.read': 'read',
  'incoming.propose': 'propose',
  'incoming.instruct': 'instruct',
  'incoming.assign': 'assign',
  'incoming.handle': 'close',
  'document.returned': 'submit',
  'document.review': 'review',
  'document.signOff': 'signOff',
  'document.number': 'number',
  'document.dispatch': 'dispatchOnline',
};

describe('workbench ↔ documents policy', () => {
  it('offers each role exactly steps its policy allows, and only deliveries it may acknowledge', async () => {
    let checked = 0;
    let acks = 0;
    for (const username of [
      'county.admin',
      'county.clerk',
      'county.leader',
      'town01.clerk',
      'town01.leader',
      'town05.clerk',
      'town09.leader',
    ]) {
      const c = await as(app, username);
      const actor = await demoActor(database.pool, username);
      const items = (await c.get('/api/workbench')).json().items as { kind: string; module: string; recordId: string }[];
      for (const i of items.filter((x) => x.module === 'documents')) {
        if (i.kind === 'delivery.acknowledge') {
          const outcome = await tryInRollback(database.db, i.recordId, 'acknowledge', (tx, id) =>
            acknowledgeDelivery(tx, systemContext(actor), id),
          );
          expect(outcome, `${username} ${i.kind}`).toBe('accepted');
          acks++;
          continue;
        }
        const url = i.kind.startsWith('incoming.') ? `/api/incoming/${i.recordId}` : `/api/documents/${i.recordId}`;
        const rec = (await c.get(url)).json();
        expect(rec.allowedActions, `${username} ${i.kind} ${i.recordId}`).toContain(ACTION[i.kind]);
        if (i.kind === 'incoming.read')
          expect(await tryInRollback(database.db, i.recordId, 'read', (tx, id) => markRead(tx, systemContext(actor), id, ''))).toBe(
            'accepted',
          );
        checked++;
      }
      if (username.endsWith('.leader'))
        expect(
          items.some((x) => x.kind === 'delivery.acknowledge'),
          username,
        ).toBe(false);
    }
    // The demo county gives each of these a real case.
    expect(checked).toBeGreaterThan(5);
    expect(acks).toBeGreaterThan(2);
    // A leader may not acknowledge: the service refuses what the workbench never offers.
    const pending = (
      await database.pool.query(
        "SELECT d.id FROM deliveries d JOIN orgs o ON o.id = d.org_id WHERE o.code = 'T01' AND d.status = 'pending' LIMIT 1",
      )
    ).rows[0];
    const leader = await demoActor(database.pool, 'town01.leader');
    expect(
      await tryInRollback(database.db, pending.id, 'acknowledge', (tx, id) => acknowledgeDelivery(tx, systemContext(leader), id)),
    ).toBe(403);
  });
});
