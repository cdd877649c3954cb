/**
 * The 收文登记本 and 发文登记本 from Excel (issue 12, fixed API points): the template's headers, a
 * 2,000-row sheet imported whole and found in the register and its search, a sheet with one bad row
 * refused with that row and column named and nothing written, duplicates of what is already there,
 * the serial counter moved past the imported numbers, one audit row per import. Sheets are real .xlsx
 * files written and read with exceljs.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  INCOMING_IMPORT_COLUMNS,
  MEETING_IMPORT_COLUMNS,
  OUTGOING_IMPORT_COLUMNS,
  VISIT_IMPORT_COLUMNS,
} from '@township-office/domain/imports';
import { as, tableDigest, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const clerk = await as(app, 'town03.clerk');

async function sheet(headers: readonly string[], rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记本');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: typeof clerk, path: string, bytes: Buffer, field = 'file') {
  const boundary = '----import' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="register.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.post(path, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const incomingHeaders = INCOMING_IMPORT_COLUMNS.map((c) => c.header);
/** A 收文登记本 line of 2019: serial blank, sender one of the county's orgs or an outside body. */
const incomingRow = (i: number): (string | number)[] => [
  '',
  `2019-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  i % 3 === 0 ? '县委办' : '市农业农村局',
  `历史来文〔2019〕${i + 1}号`,
  `历史来文第${i + 1}件（导入测试）`,
  '通知',
  '',
  1,
  '',
  '请办公室主任阅',
  '',
  '',
  `2019-12-30`,
];

describe('收文登记本 import (GET /api/registers/incoming/template.xlsx, POST /api/registers/incoming/import)', () => {
  it('offers a template whose header row is the paper book’s columns', async () => {
    const r = await clerk.get('/api/registers/incoming/template.xlsx');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(incomingHeaders);
    expect(header.slice(0, 5)).toEqual(['收文编号', '收文日期', '来文机关', '来文字号', '标题']);
  });

  it('imports a 2,000-row sheet whole: numbered in order, marked, found in the register and its search, audited once', async () => {
    const bytes = await sheet(
      incomingHeaders,
      Array.from({ length: 2000 }, (_, i) => incomingRow(i)),
    );
    const r = await upload(clerk, '/api/registers/incoming/import', bytes);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().imported).toBe(2000);
    const batchId = r.json().batchId;
    const rows = await database.pool.query(
      `SELECT serial, status, sender_org_id IS NOT NULL AS known FROM incoming WHERE import_batch_id = $1 ORDER BY serial_seq`,
      [batchId],
    );
    expect(rows.rows).toHaveLength(2000);
    expect(rows.rows[0].serial).toBe('收〔2019〕1号');
    expect(rows.rows[1999].serial).toBe('收〔2019〕2000号');
    expect(rows.rows.every((x: { status: string }) => x.status === 'closed')).toBe(true);
    expect(rows.rows.filter((x: { known: boolean }) => x.known)).toHaveLength(667); // 县委办 is the county office's short name
    const audit = await database.pool.query(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [batchId]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'incoming.import', after: { imported: 2000, first: '收〔2019〕1号' } });
    const found = (await clerk.get(`/api/registers/incoming?q=${encodeURIComponent('历史来文第1234件')}`)).json();
    expect(found.items.map((x: { serial: string }) => x.serial)).toEqual(['收〔2019〕1234号']);
    // The next entry by hand follows the imported numbers.
    const paper = await clerk.post('/api/incoming', {
      receivedDate: '2019-12-31',
      senderName: '市农业农村局',
      title: '手工登记的一件',
      urgency: 'none',
      classification: 'none',
      copies: 1,
    });
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json().serial).toBe('收〔2019〕2001号');
  });

  it('refuses a sheet with one bad row, names the row and the column, and imports nothing', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => incomingRow(5000 + i));
    rows[29]![1] = '2019-02-30'; // sheet row 31: no such day
    const before = await tableDigest(database);
    const r = await upload(clerk, '/api/registers/incoming/import', await sheet(incomingHeaders, rows));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('IMPORT_INVALID_ROWS');
    expect(r.json().error.message).toContain('未导入任何记录');
    expect(r.json().rows).toEqual([{ row: 31, column: '收文日期', message: '“收文日期”不是有效日期（应如 2024-03-05）' }]);
    expect(await tableDigest(database)).toBe(before);
  });

  it('names every kind of bad cell, and duplicates of the sheet and of the register, in the user’s language', async () => {
    const rows = [
      ['收〔2019〕3号', '2019-05-01', '市农业农村局', '别处〔2019〕1号', '与已登记编号重复', '', '', 1, '', '', '', '', ''],
      ['', '2019-05-01', '市农业农村局', '历史来文〔2019〕2号', '来文字号已登记', '', '', 1, '', '', '', '', ''],
      ['', '2019-05-01', '', '第2019-3号', '', '', '内部', 0, '很急', '', '', '', '2019-04-01'],
      ['收〔2018〕9号', '2019-05-01', '市农业农村局', '', '年份不符', '', '', 1, '', '', '', '', ''],
      ['', '2019-05-01', '市档案局', '档发〔2019〕5号', '同一文件', '', '', 1, '', '', '', '', ''],
      ['', '2019-05-02', '市档案局', '档发〔2019〕5号', '同一文件又登记', '', '', 1, '', '', '', '', ''],
    ];
    const r = await upload(clerk, '/api/registers/incoming/import', await sheet(incomingHeaders, rows));
    expect(r.statusCode).toBe(422);
    const issues = r.json().rows as { row: number; column: string; message: string }[];
    const at = (row: number) => issues.filter((i) => i.row === row).map((i) => i.column);
    expect(at(2)).toEqual(['收文编号']);
    expect(issues.find((i) => i.row === 2)!.message).toContain('已在登记本中');
    expect(at(3)).toEqual(['来文字号']);
    expect(at(4).sort()).toEqual(['份数', '密级', '来文字号', '来文机关', '标题', '紧急程度', '办结日期'].sort());
    expect(at(5)).toEqual(['收文编号']);
    expect(at(6)).toEqual([]);
    expect(issues.find((i) => i.row === 7)!.message).toBe('“来文字号”与第 6 行重复');
    const en = await upload(
      (await (async () => {
        const c = await as(app, 'town03.clerk');
        return { ...c, post: (p: string, b: unknown, h: Record<string, string> = {}) => c.post(p, b, { ...h, 'accept-language': 'en' }) };
      })()) as typeof clerk,
      '/api/registers/incoming/import',
      await sheet(incomingHeaders, [rows[2]!]),
    );
    expect(en.json().error.message).toContain('nothing was imported');
    expect(en.json().rows.find((i: { column: string }) => i.column === '份数').message).toBe('"份数" must be a positive whole number');
  });

  it('refuses what is not the template, with nothing written', async () => {
    const before = await tableDigest(database);
    const wrong = await upload(clerk, '/api/registers/incoming/import', await sheet(['日期', '标题'], [['2019-01-01', 'x']]));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('IMPORT_WRONG_COLUMNS');
    expect((await upload(clerk, '/api/registers/incoming/import', Buffer.from('not a workbook'))).json().error.code).toBe(
      'IMPORT_NOT_XLSX',
    );
    expect((await upload(clerk, '/api/registers/incoming/import', await sheet(incomingHeaders, []))).json().error.code).toBe(
      'IMPORT_EMPTY',
    );
    const noFile = await upload(clerk, '/api/registers/incoming/import', await sheet(incomingHeaders, []), 'other');
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('IMPORT_FILE_MISSING');
    const json = await clerk.post('/api/registers/incoming/import', { file: 'x' });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    expect((await clerk.post('/api/registers/incoming/import')).statusCode).toBe(400);
    // A leader may read the register but not register incoming documents.
    const leader = await as(app, 'town03.leader');
    expect((await upload(leader, '/api/registers/incoming/import', await sheet(incomingHeaders, [incomingRow(9000)]))).statusCode).toBe(
      403,
    );
    expect(await tableDigest(database)).toBe(before);
  });
});

describe('发文登记本 import (POST /api/registers/outgoing/import)', () => {
  const headers = OUTGOING_IMPORT_COLUMNS.map((c) => c.header);
  it('imports dispatched documents with their numbers, then refuses the same numbers again', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `历史委发〔2018〕${i + 1}号`,
      `2018年历史发文第${i + 1}件`,
      '通知',
      '',
      '',
      '王五',
      '李书记',
      '2018-06-01',
      '中共清溪县委办公室、市档案局',
      '',
      2,
      '纸质',
      '',
    ]);
    const r = await upload(clerk, '/api/registers/outgoing/import', await sheet(headers, rows));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().imported).toBe(30);
    const found = (await clerk.get(`/api/registers/outgoing?q=${encodeURIComponent('历史委发〔2018〕7号')}`)).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ docNumber: '历史委发〔2018〕7号', signer: '李书记', writtenDate: '2018-06-01' });
    const again = await upload(clerk, '/api/registers/outgoing/import', await sheet(headers, rows.slice(0, 2)));
    expect(again.statusCode).toBe(422);
    expect(again.json().rows.map((x: { row: number; column: string }) => `${x.row}:${x.column}`)).toEqual(['2:发文字号', '3:发文字号']);
    const bad = await upload(
      clerk,
      '/api/registers/outgoing/import',
      await sheet(headers, [['清委办发2018-1', '', '公函', '秘密', '', '', '', '2018-13-01', '市档案局', '', 1, '网上', '']]),
    );
    const cols = bad.json().rows.map((x: { column: string }) => x.column);
    expect(cols).toEqual(expect.arrayContaining(['发文字号', '标题', '文种', '签发人', '成文日期', '主送', '渠道']));
  });
});

describe('the visitor register and the minutes’ index (/api/registers/{visits,meetings}/…)', () => {
  it('imports the visitor register, costs and all, and refuses a count below the names given', async () => {
    const headers = VISIT_IMPORT_COLUMNS.map((c) => c.header);
    const t = await clerk.get('/api/registers/visits/template.xlsx');
    expect(t.statusCode).toBe(200);
    const rows = [
      ['2020-04-02', '邻县县委办', '刘建国、陈海燕', 3, '考察档案工作', '邻委办函〔2020〕8号', '王镇长', '座谈', 240.5, '', 60, ''],
      ['2020-05-10', '市委办公室调研组', '赵一', 1, '调研', '', '李主任', '', '', '', '', ''],
    ];
    const r = await upload(clerk, '/api/registers/visits/import', await sheet(headers, rows));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().imported).toBe(2);
    const list = (await clerk.get('/api/visits?from=2020-04-01&to=2020-04-03')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ visitingUnit: '邻县县委办', visitorNames: ['刘建国', '陈海燕'], totalCost: 300.5 });
    const bad = await upload(
      clerk,
      '/api/registers/visits/import',
      await sheet(headers, [['2020-06-01', 'x', '甲、乙、丙', 2, 'x', '', 'x', '', -5, '', '', '']]),
    );
    expect(bad.json().rows.map((x: { column: string }) => x.column)).toEqual(['人数', '用餐费用（元）']);
  });

  it('imports the minutes’ index as confirmed minutes with their topics, and refuses an unknown kind', async () => {
    const headers = MEETING_IMPORT_COLUMNS.map((c) => c.header);
    const rows = [
      [
        '2021-03-08',
        '09:30',
        '党委会',
        '2021年第3次党委会',
        '镇党委会议室',
        '张书记',
        '王秘书',
        '张书记、李镇长',
        '春耕备耕；防汛准备',
        '2021年会议记录本第1册第12页',
      ],
    ];
    const r = await upload(clerk, '/api/registers/meetings/import', await sheet(headers, rows));
    expect(r.statusCode, r.body).toBe(201);
    const m = await database.pool.query(`SELECT status, kind, items, host_name FROM meetings WHERE import_batch_id = $1`, [
      r.json().batchId,
    ]);
    expect(m.rows[0]).toMatchObject({ status: 'confirmed', kind: 'party_committee', host_name: '张书记' });
    expect(m.rows[0].items.map((i: { title: string }) => i.title)).toEqual(['春耕备耕', '防汛准备']);
    const bad = await upload(
      clerk,
      '/api/registers/meetings/import',
      await sheet(headers, [['2021-03-08', '25:00', '茶话会', 'x', 'x', 'x', 'x', '', '', '']]),
    );
    expect(bad.json().rows.map((x: { column: string }) => x.column)).toEqual(['开始时间', '会议类型']);
  });
});
