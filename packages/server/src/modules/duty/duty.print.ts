/** The roster and the duty log (值班日志) as registers, through the platform's one print mechanism. */
import { chinaTime } from '@township-office/domain/dates';
import type { FastifyReply } from 'fastify';
import { DUTY_LOG_KIND_LABELS } from '@township-office/domain/duty';
import type { RegisterFileFormat } from '@township-office/domain/print';
import { sendRegisterSpec } from '../meetings/register-print.ts';
import type { DutyLogRow, RosterDayRow } from './duty.tables.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (day: string) => `星期${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;
const hhmm = chinaTime;

export function sendRosterRegister(reply: FastifyReply, rows: RosterDayRow[], format: RegisterFileFormat, orgName: string, period: string) {
  return sendRegisterSpec(reply, format, `值班安排表-${period}`, {
    title: '值班安排表',
    orgName,
    filterSummary: period,
    columns: [
      { key: 'day', header: '日期', width: 12 },
      { key: 'weekday', header: '星期', width: 8, align: 'center' },
      { key: 'leader', header: '带班领导', width: 12 },
      { key: 'staff', header: '值班人员', width: 24 },
      { key: 'note', header: '备注', width: 24 },
    ],
    rows: rows.map((r) => ({ day: r.day, weekday: weekday(r.day), leader: r.leaderName, staff: r.staffNames.join('、'), note: r.note })),
  });
}

export function sendDutyLogRegister(reply: FastifyReply, rows: DutyLogRow[], format: RegisterFileFormat, orgName: string, summary: string) {
  return sendRegisterSpec(reply, format, '值班日志', {
    title: '值班日志',
    orgName,
    filterSummary: summary,
    footer: `合计 ${rows.length} 条`,
    columns: [
      { key: 'day', header: '日期', width: 11 },
      { key: 'time', header: '时间', width: 7, align: 'center' },
      { key: 'kind', header: '类别', width: 8, align: 'center' },
      { key: 'unit', header: '来电（来访）单位', width: 16 },
      { key: 'name', header: '姓名', width: 8 },
      { key: 'phone', header: '联系电话', width: 12 },
      { key: 'content', header: '主要内容', width: 32 },
      { key: 'handling', header: '处理情况', width: 22 },
      { key: 'result', header: '结果', width: 14 },
      { key: 'recorder', header: '记录人', width: 8 },
    ],
    rows: rows.map((e) => ({
      day: e.day,
      time: hhmm(e.at),
      kind: DUTY_LOG_KIND_LABELS[e.kind] + (e.reportUpward ? '（已上报）' : ''),
      unit: e.callerUnit,
      name: e.callerName,
      phone: e.callerPhone,
      content: e.content,
      handling: e.handling,
      result: e.result,
      recorder: e.recordedByName,
    })),
  });
}
