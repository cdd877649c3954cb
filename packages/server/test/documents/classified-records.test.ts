/**
 * Classified paper records (issue 13): the 保密期限 beside the 密级 (printed 秘密★1年, GB/T 9704—2012
 * 7.2.2 with the ★ of GB/T 7156—2003), the 份号 of each copy (6 digits, GB/T 9704—2012 7.2.1) and the
 * channel the paper went by (机要交通, 机要通信, 专人送达). Only the register entry of the paper original
 * is kept; what does not belong to a classified record is refused with nothing written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, tableDigest, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let town01: Client;
let townships: string[];

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  town01 = await as(app, 'town01.clerk');
  townships = (await orgIds(a.clerk)).townships;
});

const paper = {
  senderName: '县委保密委员会',
  docNumber: '清保委发〔2026〕5号',
  title: '关于开展保密自查的通知',
  receivedDate: '2026-03-02',
};

describe('a classified paper entry (收文)', () => {
  it('records the 保密期限, the 份号 and the channel, and the slip and the register show them', async () => {
    const res = await town01.post('/api/incoming', {
      ...paper,
      classification: 'confidential',
      secrecyPeriod: { unit: 'year', amount: 1 },
      copies: 3,
      copyNumbers: '000011-000012、000015',
      paperChannel: 'secure_courier',
    });
    expectStatus(res, 201);
    const id = res.json().id;
    expect(res.json()).toMatchObject({
      channel: 'paper',
      classification: 'confidential',
      secrecyPeriod: { unit: 'year', amount: 1 },
      secrecyMark: '秘密★1年',
      copyNumbers: '000011–000012、000015',
      paperChannel: 'secure_courier',
      body: null,
    });
    expect((await town01.get(`/api/incoming/${id}`)).json()).toMatchObject({ secrecyMark: '秘密★1年', paperChannel: 'secure_courier' });

    const reg = (await town01.get('/api/registers/incoming?channel=paper&classification=confidential')).json();
    expect(reg.items.find((r: { id: string }) => r.id === id)).toMatchObject({
      secrecyMark: '秘密★1年',
      copyNumbers: '000011–000012、000015',
      paperChannel: 'secure_courier',
      copies: 3,
    });
  });

  it('writes 机密★6个月 and 绝密★长期, and a classified entry without a period shows its 密级 alone', async () => {
    const months = await town01.post('/api/incoming', {
      ...paper,
      classification: 'secret',
      secrecyPeriod: { unit: 'month', amount: 6 },
      copies: 1,
      copyNumbers: '000002',
      paperChannel: 'secure_post',
    });
    expectStatus(months, 201);
    expect(months.json().secrecyMark).toBe('机密★6个月');
    const long = await town01.post('/api/incoming', {
      ...paper,
      classification: 'top_secret',
      secrecyPeriod: { unit: 'long_term' },
      paperChannel: 'by_hand',
    });
    expectStatus(long, 201);
    expect(long.json()).toMatchObject({ secrecyMark: '绝密★长期', secrecyPeriod: { unit: 'long_term' } });
    const bare = await town01.post('/api/incoming', { ...paper, classification: 'secret' });
    expectStatus(bare, 201);
    expect(bare.json()).toMatchObject({ secrecyMark: '机密', secrecyPeriod: null, paperChannel: null });
  });

  it('refuses a 保密期限 or 份号 on an unclassified entry, a 份号 that is not 6 digits, and a count that is not the copies: nothing written', async () => {
    const before = await tableDigest(database);
    const refused: [unknown, string, string][] = [
      [{ ...paper, secrecyPeriod: { unit: 'year', amount: 1 } }, 'secrecyPeriod', '非密文件没有保密期限'],
      [{ ...paper, copyNumbers: '000001' }, 'copyNumbers', '份号只登记在涉密文件上'],
      [{ ...paper, classification: 'secret', copies: 1, copyNumbers: '12345' }, 'copyNumbers', '份号为6位阿拉伯数字'],
      [{ ...paper, classification: 'secret', copies: 1, copyNumbers: '0000011' }, 'copyNumbers', '份号为6位阿拉伯数字'],
      [{ ...paper, classification: 'secret', copies: 3, copyNumbers: '000001-000002' }, 'copyNumbers', '与份数 3 不符'],
      [{ ...paper, classification: 'secret', secrecyPeriod: { unit: 'year' } }, 'secrecyPeriod', '请填写保密期限的数字'],
      [{ ...paper, classification: 'secret', secrecyPeriod: { unit: 'long_term', amount: 3 } }, 'secrecyPeriod', '长期'],
      [{ ...paper, classification: 'secret', paperChannel: 'pigeon' }, 'paperChannel', ''],
    ];
    for (const [body, field, words] of refused) {
      const res = await town01.post('/api/incoming', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const message = res.json().error.message as string;
      expect(message).toContain(field);
      expect(message).toContain(words);
    }
    expect(await tableDigest(database)).toBe(before);
  });

  it('says why in the three languages of the app', async () => {
    const body = { ...paper, secrecyPeriod: { unit: 'year', amount: 1 } };
    const zh = (await town01.post('/api/incoming', body)).json().error.message;
    const tw = (await town01.post('/api/incoming', body, { 'accept-language': 'zh-TW' })).json().error.message;
    const en = (await town01.post('/api/incoming', body, { 'accept-language': 'en' })).json().error.message;
    expect(zh).toContain('非密文件没有保密期限');
    expect(tw).toContain('非密檔案沒有保密期限');
    expect(en).toContain('An unclassified document has no secrecy period');
  });
});

/** A classified notice to township 1, through review and sign-off to numbering. */
async function numberedClassified(extra: Record<string, unknown> = {}): Promise<string> {
  const d = await a.clerk.post('/api/documents', {
    docType: '通知',
    title: '关于保密检查的通知（登记）',
    mainRecipientOrgIds: [townships[0]],
    classification: 'secret',
    secrecyPeriod: { unit: 'year', amount: 2 },
    ...extra,
  });
  expectStatus(d, 201);
  const id = d.json().id as string;
  expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
  expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '' }), 200);
  expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' }), 200);
  expectStatus(await a.clerk.post(`/api/documents/${id}/recheck`), 200);
  expectStatus(await a.clerk.post(`/api/documents/${id}/number`), 200);
  return id;
}

describe('a classified document dispatched on paper (发文)', () => {
  it('numbers the copies 000001… per document, records the channel, and the slip and the outgoing register show them', async () => {
    const id = await numberedClassified();
    expect((await a.clerk.get(`/api/documents/${id}`)).json()).toMatchObject({
      secrecyMark: '机密★2年',
      secrecyPeriod: { unit: 'year', amount: 2 },
    });
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'paper', copies: 5, paperChannel: 'secure_courier' }), 200);
    const doc = (await a.clerk.get(`/api/documents/${id}`)).json();
    expect(doc).toMatchObject({ channel: 'paper', copies: 5, copyNumbers: '000001–000005', paperChannel: 'secure_courier', body: null });
    const reg = (await a.clerk.get('/api/registers/outgoing?channel=paper&classification=secret')).json();
    expect(reg.items.find((r: { id: string }) => r.id === id)).toMatchObject({
      secrecyMark: '机密★2年',
      copies: 5,
      copyNumbers: '000001–000005',
      paperChannel: 'secure_courier',
    });
    // Another document starts again at 000001.
    const other = await numberedClassified();
    expectStatus(await a.clerk.post(`/api/documents/${other}/dispatch`, { channel: 'paper', copies: 2 }), 200);
    expect((await a.clerk.get(`/api/documents/${other}`)).json().copyNumbers).toBe('000001–000002');
  });

  it('refuses 份号 other than the sequence, a period on an unclassified draft, and a paper channel online: nothing written', async () => {
    const id = await numberedClassified();
    const before = await tableDigest(database);
    const wrong = await a.clerk.post(
      `/api/documents/${id}/dispatch`,
      { channel: 'paper', copies: 3, copyNumbers: '000004-000006' },
      { 'accept-language': 'en' },
    );
    expectStatus(wrong, 422);
    expect(wrong.json().error).toMatchObject({ code: 'COPY_NUMBERS_NOT_SEQUENCE' });
    expect(wrong.json().error.message).toContain('000001–000003');
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'paper', copies: 3, copyNumbers: '1-3' }), 400);
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online', paperChannel: 'by_hand' }), 400);
    const draft = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '非密通知',
      body: '正文',
      mainRecipientOrgIds: [townships[0]],
      secrecyPeriod: { unit: 'year', amount: 1 },
    });
    expectStatus(draft, 400);
    expect(draft.json().error.message).toContain('非密文件没有保密期限');
    expect(await tableDigest(database)).toBe(before);
  });

  it('changes a draft period; a period given with 非密 is refused, and a draft made 非密 drops it', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于涉密事项的通知（登记）',
      mainRecipientOrgIds: [townships[0]],
      classification: 'confidential',
    });
    expectStatus(d, 201);
    const id = d.json().id;
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { secrecyPeriod: { unit: 'day', amount: 30 } }), 200);
    expect((await a.clerk.get(`/api/documents/${id}`)).json().secrecyMark).toBe('秘密★30天');
    const before = await tableDigest(database);
    const refused = await a.clerk.patch(`/api/documents/${id}`, { classification: 'none', secrecyPeriod: { unit: 'year', amount: 1 } });
    expectStatus(refused, 422);
    expect(refused.json().error.code).toBe('SECRECY_PERIOD_UNCLASSIFIED');
    expect(await tableDigest(database)).toBe(before);
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { classification: 'none' }), 200);
    expect((await a.clerk.get(`/api/documents/${id}`)).json()).toMatchObject({
      classification: 'none',
      secrecyPeriod: null,
      secrecyMark: '',
    });
  });

  it('the metadata carries the 份号 of a paper dispatch; a classified document has none to describe', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于纸质印发的通知',
      body: '正文',
      mainRecipientOrgIds: [townships[0]],
    });
    const id = d.json().id;
    await a.clerk.post(`/api/documents/${id}/submit`);
    await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '' });
    await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' });
    await a.clerk.post(`/api/documents/${id}/recheck`);
    await a.clerk.post(`/api/documents/${id}/number`);
    expectStatus(
      await a.clerk.post(`/api/documents/${id}/dispatch`, {
        channel: 'paper',
        copies: 2,
        copyNumbers: '000001-000002',
        paperChannel: 'by_hand',
      }),
      200,
    );
    const meta = (await a.clerk.get(`/api/documents/${id}/metadata`)).json();
    expect(meta).toMatchObject({ copyNo: '000001–000002', classification: '', secrecyPeriod: null });
    const xml = (await a.clerk.get(`/api/documents/${id}/metadata?format=xml`)).body;
    expect(xml).toContain('<copyNo>000001–000002</copyNo>');
    const secret = await numberedClassified();
    expectStatus(await a.clerk.get(`/api/documents/${secret}/metadata`), 409);
  });
});
