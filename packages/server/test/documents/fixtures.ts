/** Shared steps of the documents tests: org ids by code and a document driven to a given state. */
import type { App } from '../../src/platform/app-types.ts';
import { as } from '../helpers.ts';

export type Client = Awaited<ReturnType<typeof as>>;

export async function orgIds(c: Client): Promise<{ byName: Map<string, string>; townships: string[]; countyOffice: string }> {
  const res = await c.get('/api/orgs');
  const items = res.json().items as { id: string; name: string; kind: string }[];
  return {
    byName: new Map(items.map((o) => [o.name, o.id])),
    townships: items.filter((o) => o.kind === 'township').map((o) => o.id),
    countyOffice: items.find((o) => o.kind === 'county_office')!.id,
  };
}

export interface Actors {
  clerk: Client;
  admin: Client;
  leader: Client;
}

export async function countyActors(app: App): Promise<Actors> {
  return { clerk: await as(app, 'county.clerk'), admin: await as(app, 'county.admin'), leader: await as(app, 'county.leader') };
}

export function expectStatus(res: { statusCode: number; body: string }, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
}

/** Drafts a notice and takes it through review and sign-off (and numbering if asked). */
export async function signedNotice(a: Actors, recipients: string[], opts: { number?: boolean; title?: string } = {}): Promise<string> {
  const d = await a.clerk.post('/api/documents', {
    docType: '通知',
    title: opts.title ?? '关于做好春节期间值班工作的通知',
    body: '一、总体要求\n各乡镇要高度重视。',
    mainRecipientOrgIds: recipients,
    copyRecipientOrgIds: [],
    urgency: 'none',
    classification: 'none',
  });
  expectStatus(d, 201);
  const id = d.json().id as string;
  expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
  expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
  expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意印发' }), 200);
  if (opts.number) {
    expectStatus(await a.clerk.post(`/api/documents/${id}/recheck`), 200);
    expectStatus(await a.clerk.post(`/api/documents/${id}/number`), 200);
  }
  return id;
}
