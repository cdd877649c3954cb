/** The reception and petition registers and the 接待清单 form, through the platform's one print mechanism. */
import type { FastifyReply } from 'fastify';
import { PETITION_CATEGORY_LABELS, PETITION_CHANNEL_LABELS, PETITION_STATUS_LABELS } from '@township-office/domain/petitions';
import { COST_CATEGORY_LABELS } from '@township-office/domain/reception';
import type { RegisterFileFormat } from '@township-office/domain/print';
import { sendFormSpec, sendRegisterSpec } from '../meetings/register-print.ts';
import type { Actor } from '../../platform/context.ts';
import { petitionersFor, petitionSerial } from './reception.presenter.ts';
import type { PetitionRow, VisitRow } from './reception.tables.ts';

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function sendVisitRegister(reply: FastifyReply, rows: VisitRow[], format: RegisterFileFormat, orgName: string, summary: string) {
  const total = rows.reduce((s, v) => s + Math.round(v.totalCost * 100), 0) / 100;
  return sendRegisterSpec(reply, format, '来客接待登记簿', {
    title: '来客接待登记簿',
    orgName,
    filterSummary: summary,
    footer: `合计 ${rows.length} 批次，费用 ${yuan(total)} 元`,
    columns: [
      { key: 'date', header: '日期', width: 11 },
      { key: 'unit', header: '来访单位', width: 18 },
      { key: 'names', header: '来客姓名', width: 20 },
      { key: 'count', header: '人数', width: 6, align: 'right' },
      { key: 'purpose', header: '事由', width: 22 },
      { key: 'letter', header: '公函', width: 14 },
      { key: 'host', header: '陪同人', width: 8 },
      { key: 'arrangements', header: '接待安排', width: 22 },
      { key: 'cost', header: '费用（元）', width: 10, align: 'right' },
    ],
    rows: rows.map((v) => ({
      date: v.visitDate,
      unit: v.visitingUnit + (v.voidedAt ? '（已作废）' : ''),
      names: v.visitorNames.join('、'),
      count: v.visitorCount,
      purpose: v.purpose,
      letter: v.letterRef ?? '无',
      host: v.hostName,
      arrangements: v.arrangements,
      cost: yuan(v.totalCost),
    })),
  });
}

/** 接待清单: the reception list the rules on official reception ask for, one per visit. */
export function sendVisitForm(reply: FastifyReply, v: VisitRow, orgName: string) {
  return sendFormSpec(reply, `接待清单-${v.visitDate}-${v.visitingUnit}`, {
    title: '公务接待清单',
    orgName,
    subtitle: v.visitDate,
    sections: [
      {
        rows: [
          {
            cells: [
              { label: '来访单位', value: v.visitingUnit, span: 2 },
              { label: '接待日期', value: v.visitDate },
            ],
          },
          {
            cells: [
              { label: '来客姓名', value: v.visitorNames.join('、'), span: 2 },
              { label: '人数', value: v.visitorCount },
            ],
          },
          {
            cells: [
              { label: '公务活动事由', value: v.purpose, span: 2 },
              { label: '公函', value: v.letterRef ?? '无' },
            ],
          },
          {
            cells: [
              { label: '陪同人员', value: v.hostName },
              { label: '接待安排', value: v.arrangements, span: 2 },
            ],
            minLines: 2,
          },
          ...v.costItems.map((c) => ({
            cells: [
              { label: '费用项目', value: COST_CATEGORY_LABELS[c.category] },
              { label: '说明', value: c.description },
              { label: '金额（元）', value: yuan(c.amount) },
            ],
          })),
          { cells: [{ label: '费用合计（元）', value: yuan(v.totalCost), span: 3 }] },
        ],
      },
      { opinions: [{ label: '接待单位负责人意见' }] },
    ],
  });
}

export function sendPetitionRegister(
  reply: FastifyReply,
  actor: Actor,
  rows: PetitionRow[],
  format: RegisterFileFormat,
  orgName: string,
  summary: string,
  today: string,
) {
  return sendRegisterSpec(reply, format, '来信来访登记簿', {
    title: '来信来访登记簿',
    orgName,
    filterSummary: summary,
    footer: `合计 ${rows.length} 件`,
    columns: [
      { key: 'serial', header: '编号', width: 10 },
      { key: 'received', header: '收到日期', width: 11 },
      { key: 'channel', header: '方式', width: 7, align: 'center' },
      { key: 'petitioner', header: '信访人', width: 12 },
      { key: 'id', header: '身份证号', width: 18 },
      { key: 'phone', header: '联系电话', width: 12 },
      { key: 'subject', header: '反映问题', width: 28 },
      { key: 'category', header: '类别', width: 9 },
      { key: 'status', header: '办理状态', width: 10 },
      { key: 'due', header: '期限', width: 11 },
      { key: 'closed', header: '办结日期', width: 11 },
    ],
    // Exports carry what the lists show: masked ID numbers and phones, names per the policy.
    rows: rows.map((p) => {
      const who = petitionersFor(actor, p);
      return {
        serial: petitionSerial(p),
        received: p.receivedOn,
        channel: PETITION_CHANNEL_LABELS[p.channel],
        petitioner: who.map((x) => x.name).join('、'),
        id: who
          .map((x) => x.idNumber ?? '')
          .filter(Boolean)
          .join('；'),
        phone: who
          .map((x) => x.phone ?? '')
          .filter(Boolean)
          .join('；'),
        subject: p.subject,
        category: PETITION_CATEGORY_LABELS[p.category],
        status: PETITION_STATUS_LABELS[p.status],
        due: p.dueOn ? `${p.dueOn}${p.dueOn < today ? '（逾期）' : ''}` : '',
        closed: p.closedOn,
      };
    }),
  });
}
