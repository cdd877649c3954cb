/** Personal data of petitioners and staff: what a search can find, what each caller sees, and the audit of searches, reveals and exports. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { as, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const ID = '110101199003071234';
const PHONE = '13812345678';

const handler = await as(app, 'town06.clerk');
const created = await handler.post('/api/petitions', {
  receivedOn: '2026-03-02',
  channel: 'visit',
  petitioners: [{ name: '赵秀英', idNumber: ID, phone: PHONE, address: '某村三组' }],
  subject: '宅基地界址纠纷',
  content: '反映与邻居宅基地界址不清。',
  category: 'land',
});
const petition = created.json() as { id: string; serial: string };

type Listed = { total: number; items: { id: string; petitioners: { name: string; address: string | null; idNumber: string | null }[] }[] };
const search = async (who: Awaited<ReturnType<typeof as>>, q: string) =>
  (await who.get(`/api/petitions?pageSize=200&q=${encodeURIComponent(q)}`)).json() as Listed;
const hits = async (who: Awaited<ReturnType<typeof as>>, q: string) =>
  (await search(who, q)).items.filter((p) => p.id === petition.id).length;
const auditRows = async (action: string) =>
  (await database.pool.query(`SELECT actor_username, entity_id, after FROM audit_log WHERE action = $1 ORDER BY at, seq`, [action])).rows;

describe('petition search cannot recover an ID number or phone', () => {
  it('finds nothing by ID or phone prefix for the county administrator, a non-handler of the township, or the county staff', async () => {
    expect(created.statusCode, created.body).toBe(201);
    const callers = [await as(app, 'county.admin'), await as(app, 'town06.leader'), await as(app, 'county.clerk')];
    // The attack: grow a prefix one digit at a time and watch the hit count.
    const probes = [ID.slice(0, 4), ID.slice(0, 10), ID.slice(0, 17), ID, PHONE.slice(0, 3), PHONE.slice(0, 7), PHONE, '1234', '5678'];
    for (const who of callers) for (const q of probes) expect(await hits(who, q), q).toBe(0);
  });

  it('lets the handler find the case by the whole ID number only, never by a prefix or the phone', async () => {
    expect(await hits(handler, ID)).toBe(1);
    expect(await hits(handler, ID.slice(0, 17))).toBe(0);
    expect(await hits(handler, ID.slice(0, 6))).toBe(0);
    expect(await hits(handler, PHONE)).toBe(0);
  });

  it('matches names only where the caller sees them, and the case number and subject for everyone', async () => {
    expect(await hits(await as(app, 'county.admin'), '赵秀英')).toBe(0);
    expect(await hits(await as(app, 'county.admin'), petition.serial)).toBe(1);
    expect(await hits(await as(app, 'county.admin'), '界址')).toBe(1);
    expect(await hits(await as(app, 'county.clerk'), '秀英')).toBe(1);
    expect(await hits(await as(app, 'town06.leader'), '赵秀英')).toBe(1);
    // LIKE wildcards are literal: "%" does not match every row.
    expect((await search(handler, '%')).total).toBe(0);
  });

  it('audits every search with its filters, never the digits searched', async () => {
    const before = (await auditRows('petition.search')).length;
    const admin = await as(app, 'county.admin');
    await admin.get(`/api/petitions?q=${ID.slice(0, 9)}&status=registered`);
    const rows = await auditRows('petition.search');
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1)!;
    expect(row.actor_username).toBe('county.admin');
    expect(row.after).toMatchObject({ filters: { q: '*********', status: 'registered' }, total: 0 });
    expect(JSON.stringify(row.after)).not.toMatch(/\d{4,}/);
    // Paging without a keyword is not a search.
    await admin.get('/api/petitions?page=1');
    expect(await auditRows('petition.search')).toHaveLength(before + 1);
  });
});

describe('petitioner names and addresses', () => {
  it('are masked for the county administrator (a non-handler office), in the list, the detail and the export', async () => {
    const admin = await as(app, 'county.admin');
    const listed = (await search(admin, petition.serial)).items.find((p) => p.id === petition.id)!;
    expect(listed.petitioners[0]).toMatchObject({ name: '赵**', address: null, idNumber: '1101**********1234' });
    const detail = (await admin.get(`/api/petitions/${petition.id}`)).json();
    expect(detail.petitioners[0]).toMatchObject({ name: '赵**', address: null });
    expect(JSON.stringify(detail)).not.toContain('赵秀英');
    const xlsx = await admin.get(`/api/petitions?format=xlsx&q=${petition.serial}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(cells).toContain('赵**');
    expect(cells).not.toContain('赵秀英');
    expect(cells).not.toContain(ID);
  });

  it('are shown to the handling office and to the county petition staff', async () => {
    for (const u of ['town06.clerk', 'town06.leader', 'county.clerk']) {
      const who = await as(app, u);
      const detail = (await who.get(`/api/petitions/${petition.id}`)).json();
      expect(detail.petitioners[0], u).toMatchObject({
        name: '赵秀英',
        address: '某村三组',
        idNumber: '1101**********1234',
        phone: '138****5678',
      });
    }
  });

  it('audits an export once, with the keyword starred and the row count', async () => {
    const before = (await auditRows('register.export')).length;
    const searches = (await auditRows('petition.search')).length;
    await handler.get(`/api/petitions?format=xlsx&q=${ID}`);
    const rows = await auditRows('register.export');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.after).toMatchObject({ register: '来信来访登记簿', format: 'xlsx', rows: 1 });
    expect(JSON.stringify(rows.at(-1)!.after)).not.toContain(ID.slice(0, 6));
    // One operation, one row: the export is not also logged as a search.
    expect(await auditRows('petition.search')).toHaveLength(searches);
  });
});

describe('register exports', () => {
  it('write one audit row each: who, which register, the filters and the row count', async () => {
    const before = (await auditRows('register.export')).length;
    const res = await handler.get('/api/visits?format=pdf&from=2026-01-01');
    expect(res.statusCode).toBe(200);
    const rows = await database.pool.query(
      `SELECT actor_username, org_id, after FROM audit_log WHERE action = 'register.export' ORDER BY at, seq`,
    );
    expect(rows.rows).toHaveLength(before + 1);
    const row = rows.rows.at(-1)!;
    expect(row.actor_username).toBe('town06.clerk');
    expect(row.after).toMatchObject({ register: '来客接待登记簿', format: 'pdf', filters: '自：2026-01-01' });
    expect(typeof row.after.rows).toBe('number');
  });
});

describe('staff ID numbers', () => {
  const masked = /^\d{6}\*{8}\d{3}[\dX]$/;
  type Staff = { id: string; idNumber: string; allowedActions: string[] };
  const staffOf = async (username: string) => (await (await as(app, username)).get('/api/personnel/staff')).json().items as Staff[];

  it('are masked in every list, with the reveal offered to those who manage filing only', async () => {
    const own = await staffOf('town02.clerk');
    expect(own.length).toBeGreaterThan(0);
    for (const s of own) expect(s.idNumber).toMatch(masked);
    expect(own.every((s) => s.allowedActions.includes('revealIdNumber'))).toBe(true);
    const leader = await staffOf('town02.leader');
    for (const s of leader) expect(s).toMatchObject({ idNumber: expect.stringMatching(masked), allowedActions: [] });
    const county = await staffOf('county.admin');
    for (const s of county) expect(s.idNumber).toMatch(masked);
  });

  it('are revealed one record at a time, audited, to the township clerk and the county, and to no one else', async () => {
    const [person] = await staffOf('town02.clerk');
    const before = (await auditRows('personnel.staff.reveal')).length;
    const shown = await (await as(app, 'town02.clerk')).post(`/api/personnel/staff/${person!.id}/reveal`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(shown.json().idNumber.slice(-4)).toBe(person!.idNumber.slice(-4));
    expect((await (await as(app, 'county.clerk')).post(`/api/personnel/staff/${person!.id}/reveal`)).json().idNumber).toBe(
      shown.json().idNumber,
    );
    const rows = await auditRows('personnel.staff.reveal');
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-2)).toMatchObject({ actor_username: 'town02.clerk', entity_id: person!.id, after: { fields: ['idNumber'] } });
    expect(JSON.stringify(rows.map((r) => r.after))).not.toContain(shown.json().idNumber);

    const leader = await (await as(app, 'town02.leader')).post(`/api/personnel/staff/${person!.id}/reveal`);
    expect(leader.statusCode).toBe(403);
    expect((await (await as(app, 'town03.clerk')).post(`/api/personnel/staff/${person!.id}/reveal`)).statusCode).toBe(404);
    expect(await auditRows('personnel.staff.reveal')).toHaveLength(before + 2);
  });

  it('export masked for a reader who may not reveal, whole for the county, and every export is audited', async () => {
    const sheetIds = async (username: string, orgId?: string) => {
      const res = await (await as(app, username)).get(`/api/personnel/export.xlsx${orgId ? `?orgId=${orgId}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      return Array.from({ length: ws.rowCount - 1 }, (_, i) => String(ws.getRow(i + 2).getCell(3).value));
    };
    const before = (await auditRows('personnel.export')).length;
    const leaderIds = await sheetIds('town02.leader');
    expect(leaderIds.length).toBeGreaterThan(0);
    for (const id of leaderIds) expect(id).toMatch(masked);
    const countyIds = await sheetIds('county.admin');
    for (const id of countyIds) expect(id).toMatch(/^\d{17}[\dX]$/);
    const rows = await auditRows('personnel.export');
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-2)).toMatchObject({
      actor_username: 'town02.leader',
      after: { rows: leaderIds.length, maskedIdNumbers: leaderIds.length },
    });
    expect(rows.at(-1)).toMatchObject({ actor_username: 'county.admin', after: { rows: countyIds.length, maskedIdNumbers: 0 } });
  });
});
