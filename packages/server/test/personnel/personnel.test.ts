import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { STAFF_SHEET_COLUMNS, idNumberWithCheck } from '@township-office/domain/personnel';
import { as, tableDigest, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

let seq = 500;
function particulars(over: Record<string, unknown> = {}) {
  seq++;
  return {
    name: '测试人员',
    idNumber: idNumberWithCheck(`43102119900101${seq}`),
    gender: 'female',
    birthDate: '1990-01-01',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'bachelor',
    major: '行政管理',
    post: '科员',
    officeRole: '办公室工作人员',
    phone: '0745-2234567',
    startDate: daysAgo(3),
    ...over,
  };
}

async function orgIdOf(code: string): Promise<string> {
  return (await database.pool.query('SELECT id FROM orgs WHERE code = $1', [code])).rows[0].id;
}

describe('staff filing', () => {
  it('files a join as the township and enters the database when the county acknowledges it', async () => {
    const clerk = await as(app, 'town02.clerk'); // 东坪镇: two staff
    const p = particulars({ name: '新来者' });
    const res = await clerk.post('/api/personnel/filings', { kind: 'join', changeDate: daysAgo(3), particulars: p });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'submitted', late: false, staffId: null });
    const county = await as(app, 'county.clerk');
    const pending = (await county.get('/api/personnel/filings?state=submitted')).json().items;
    const mine = pending.find((f: { id: string }) => f.id === res.json().id);
    expect(mine.allowedActions).toEqual(['acknowledge', 'return', 'revealIdNumber']);
    const ack = await county.post(`/api/personnel/filings/${mine.id}/decision`, { decision: 'acknowledge' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().state).toBe('acknowledged');
    const staff = (await clerk.get('/api/personnel/staff')).json().items;
    // Listed masked (110101********1234); the whole number only through the audited reveal.
    expect(staff.map((s: { idNumber: string }) => s.idNumber)).toContain(`${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`);
    const again = await county.post(`/api/personnel/filings/${mine.id}/decision`, { decision: 'acknowledge' });
    expect(again.statusCode).toBe(409);
  });

  it('flags a filing made more than the configured deadline after the change as late', async () => {
    const clerk = await as(app, 'town05.clerk');
    const res = await clerk.post('/api/personnel/filings', { kind: 'join', changeDate: daysAgo(20), particulars: particulars() });
    expect(res.json()).toMatchObject({ late: true, deadlineDays: 15 });
    const admin = await as(app, 'county.admin');
    expect((await admin.put('/api/personnel/settings', { days: 30 })).json()).toEqual({ filingDeadlineDays: 30 });
    const clerk8 = await as(app, 'town08.clerk');
    const later = await clerk8.post('/api/personnel/filings', { kind: 'join', changeDate: daysAgo(20), particulars: particulars() });
    expect(later.json()).toMatchObject({ late: false, deadlineDays: 30 });
    await admin.put('/api/personnel/settings', { days: 15 });
  });

  it('refuses a 4th designated staff member without a reason, and accepts it with one', async () => {
    const clerk = await as(app, 'town01.clerk'); // 城关镇: three staff
    const before = await tableDigest(database);
    const res = await clerk.post('/api/personnel/filings', { kind: 'join', changeDate: daysAgo(1), particulars: particulars() });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('STAFF_LIMIT_REASON_REQUIRED');
    expect(res.json().error.message).toContain('理由');
    expect(await tableDigest(database)).toBe(before);
    const ok = await clerk.post('/api/personnel/filings', {
      kind: 'join',
      changeDate: daysAgo(1),
      particulars: particulars(),
      reason: '档案室整理任务繁重，临时增加一名',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('answers 404 for a filing about a person of another township, writing nothing', async () => {
    const other = (await (await as(app, 'county.admin')).get(`/api/personnel/staff?orgId=${await orgIdOf('T03')}`)).json().items[0];
    const clerk = await as(app, 'town02.clerk');
    const before = await tableDigest(database);
    for (const body of [
      { kind: 'leave', changeDate: daysAgo(1), staffId: other.id, reason: '调往他处工作' },
      { kind: 'particulars', changeDate: daysAgo(1), staffId: other.id, particulars: { phone: '0745-2000000' } },
      { kind: 'transfer', changeDate: daysAgo(1), staffId: other.id, toOrgId: await orgIdOf('T02') },
    ]) {
      const res = await clerk.post('/api/personnel/filings', body);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('STAFF_NOT_FOUND');
    }
    expect((await clerk.get(`/api/personnel/staff/${other.id}`)).statusCode).toBe(404);
    expect(await tableDigest(database)).toBe(before);
  });

  it('files a leave, and after acknowledgement the person is out of the office and its posts', async () => {
    const clerk = await as(app, 'town07.clerk'); // 桃源乡: three staff
    const mine = (await clerk.get('/api/personnel/staff?status=active')).json().items;
    const leaving = mine[mine.length - 1];
    const res = await clerk.post('/api/personnel/filings', {
      kind: 'leave',
      changeDate: daysAgo(2),
      staffId: leaving.id,
      reason: '调任镇经济发展办',
    });
    expect(res.statusCode).toBe(201);
    expect(
      (
        await clerk.post('/api/personnel/filings', {
          kind: 'particulars',
          changeDate: daysAgo(1),
          staffId: leaving.id,
          particulars: { phone: '0745-2111111' },
        })
      ).statusCode,
    ).toBe(409);
    await (await as(app, 'county.admin')).post(`/api/personnel/filings/${res.json().id}/decision`, { decision: 'acknowledge' });
    const history = (await clerk.get(`/api/personnel/staff/${leaving.id}`)).json();
    expect(history.person.status).toBe('left');
    expect(history.filings.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(['join', 'leave']));
    const posts = (await clerk.get('/api/environment/posts')).json().items;
    expect(posts.map((p: { staffId: string }) => p.staffId)).not.toContain(leaving.id);
  });

  it('returns a filing with a reason', async () => {
    const clerk = await as(app, 'town09.clerk');
    const f = (await clerk.post('/api/personnel/filings', { kind: 'join', changeDate: daysAgo(1), particulars: particulars() })).json();
    const county = await as(app, 'county.clerk');
    expect((await county.post(`/api/personnel/filings/${f.id}/decision`, { decision: 'return' })).statusCode).toBe(400);
    const r = await county.post(`/api/personnel/filings/${f.id}/decision`, { decision: 'return', reason: '出生日期与身份证号不符' });
    expect(r.json()).toMatchObject({ state: 'returned', returnReason: '出生日期与身份证号不符' });
  });

  it('gives the database structure by age band, education and tenure', async () => {
    const s = (await (await as(app, 'county.admin')).get('/api/personnel/structure')).json();
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(s.ageBands)).toBe(s.total);
    expect(sum(s.education)).toBe(s.total);
    expect(sum(s.tenure)).toBe(s.total);
    expect(s.total).toBe((await (await as(app, 'county.admin')).get('/api/personnel/staff?status=active')).json().items.length);
  });

  it('keeps the leaders in charge with their history', async () => {
    const admin = await as(app, 'county.admin');
    const orgId = await orgIdOf('T10');
    const res = await admin.post('/api/personnel/leaders', {
      orgId,
      name: '周明辉',
      position: '党委委员、党政办主任',
      since: daysAgo(1),
      familiar: true,
      basis: '曾任县委办秘书',
    });
    expect(res.statusCode, res.body).toBe(201);
    const hist = (await admin.get(`/api/personnel/leaders?orgId=${orgId}&history=true`)).json().items;
    expect(hist.length).toBeGreaterThanOrEqual(2);
    expect(hist.filter((l: { until: string | null }) => l.until === null)).toHaveLength(1);
    expect(
      (
        await admin.post('/api/personnel/leaders', {
          orgId,
          name: '某某',
          position: '党委委员',
          since: daysAgo(1),
          familiar: true,
          basis: '',
        })
      ).statusCode,
    ).toBe(400);
  });
});

async function sheet(rows: string[][], header: string[] = STAFF_SHEET_COLUMNS.map((c) => c.header)): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
function row(code: string, name: string, id: string): string[] {
  return [
    code,
    name,
    id,
    '男',
    '1988-05-06',
    '汉族',
    '中共党员',
    '大学本科',
    '法学',
    '科员',
    '办公室工作人员',
    '0745-2234000',
    '2015-03-01',
  ];
}

describe('Excel import and export', () => {
  it('refuses a sheet with one bad row whole, naming the row', async () => {
    const admin = await as(app, 'county.admin');
    const before = await tableDigest(database);
    const content = await sheet([
      row('T11', '甲某某', idNumberWithCheck('43102119880506901')),
      row('T12', '乙', '123'),
      row('T14', '丙某某', idNumberWithCheck('43102119880506902')),
      Object.assign(row('T15', '丁某某', idNumberWithCheck('43102119880506903')), { 6: '党员' }),
    ]);
    const res = await admin.post('/api/personnel/import', { fileName: '人员.xlsx', contentBase64: content });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID_ROWS');
    expect(res.json().error.details.rows.map((r: { row: number }) => r.row)).toEqual([3, 5]);
    const [short, party] = res.json().error.details.rows.map((r: { errors: string[] }) => r.errors.join('；'));
    // The column's header and the clerk's words, never zod's English, a pattern or a stored code.
    expect(short).toContain('“姓名”至少 2 个字');
    expect(short).toContain('“身份证号”：身份证号码无效');
    expect(party).toBe('“政治面貌”应为以下之一：中共党员、中共预备党员、共青团员、民主党派、群众');
    for (const text of [short, party]) expect(text).not.toMatch(/Invalid|expected|cpc_member|\/\^/);
    expect(await tableDigest(database)).toBe(before);
  });

  it('refuses duplicate ID numbers, within the sheet and against the database', async () => {
    const admin = await as(app, 'county.admin');
    const first = (await admin.get('/api/personnel/staff')).json().items[0];
    const existing = (await admin.post(`/api/personnel/staff/${first.id}/reveal`)).json().idNumber;
    const dup = idNumberWithCheck('43102119880506903');
    const before = await tableDigest(database);
    const res = await admin.post('/api/personnel/import', {
      fileName: 'a.xlsx',
      contentBase64: await sheet([row('T11', '甲某某', dup), row('T13', '乙某某', dup), row('T14', '丙某某', existing)]),
    });
    expect(res.statusCode).toBe(422);
    const rows = res.json().error.details.rows;
    expect(rows.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    expect(rows[0].errors.join()).toContain('第 2 行重复');
    expect(rows[1].errors.join()).toContain('已在人员信息库中');
    expect(await tableDigest(database)).toBe(before);
  });

  it('refuses wrong columns and a file that is not a sheet', async () => {
    const admin = await as(app, 'county.admin');
    const before = await tableDigest(database);
    const wrong = await admin.post('/api/personnel/import', { fileName: 'a.xlsx', contentBase64: await sheet([], ['姓名', '身份证号']) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('IMPORT_WRONG_COLUMNS');
    const notXlsx = await admin.post('/api/personnel/import', {
      fileName: 'a.xlsx',
      contentBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notXlsx.statusCode).toBe(415);
    expect(await tableDigest(database)).toBe(before);
  });

  it('refuses an oversized (40 MB) sheet with 413 before reading it', async () => {
    const admin = await as(app, 'county.admin');
    const big = 'A'.repeat(40 * 1024 * 1024);
    const res = await admin.post('/api/personnel/import', { fileName: 'big.xlsx', contentBase64: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT_TOO_LARGE');
  });

  it('imports a valid sheet all at once, and exports the database in the same columns', async () => {
    const admin = await as(app, 'county.admin');
    const res = await admin.post('/api/personnel/import', {
      fileName: 'ok.xlsx',
      contentBase64: await sheet([
        row('T15', '甲某某', idNumberWithCheck('43102119880506911')),
        row('T17', '乙某某', idNumberWithCheck('43102119880506912')),
      ]),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const exp = await admin.get('/api/personnel/export.xlsx');
    expect(exp.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(STAFF_SHEET_COLUMNS.map((c) => c.header));
    expect(ws.rowCount - 1).toBe((await admin.get('/api/personnel/staff?status=active')).json().items.length);
  });

  it('is the county administrator’s: a township clerk gets 403', async () => {
    const clerk = await as(app, 'town01.clerk');
    expect((await clerk.post('/api/personnel/import', { fileName: 'a.xlsx', contentBase64: '' })).statusCode).toBe(403);
  });
});
