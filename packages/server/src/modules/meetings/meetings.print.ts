/**
 * The minutes register and the minutes form through the platform's one print/export mechanism
 * (platform/print). The column order is the paper 会议记录本's.
 */
import type { FastifyReply } from 'fastify';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, followUpOverdue } from '@township-office/domain/meetings';
import type { RegisterFileFormat } from '@township-office/domain/print';
import { sendRegisterSpec, sendFormSpec, type RegisterColumn } from './register-print.ts';
import type { FollowUpRow, MeetingRow } from './meetings.tables.ts';

const localDateTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

const MEETING_COLUMNS: RegisterColumn[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'startsAt', header: '会议时间', width: 18 },
  { key: 'kind', header: '会议类型', width: 14 },
  { key: 'title', header: '会议名称', width: 30 },
  { key: 'place', header: '地点', width: 16 },
  { key: 'host', header: '主持人', width: 10 },
  { key: 'recorder', header: '记录人', width: 10 },
  { key: 'attendees', header: '出席人数', width: 8 },
  { key: 'decisions', header: '议定事项', width: 40 },
  { key: 'status', header: '状态', width: 12 },
];

export function sendMeetingRegister(
  reply: FastifyReply,
  rows: MeetingRow[],
  format: RegisterFileFormat,
  orgName: string,
  filterSummary: string,
) {
  return sendRegisterSpec(reply, format, '会议记录登记簿', {
    title: '会议记录登记簿',
    orgName,
    filterSummary,
    footer: `合计 ${rows.length} 次会议`,
    columns: MEETING_COLUMNS,
    rows: rows.map((m, i) => ({
      no: String(i + 1),
      startsAt: localDateTime(m.startsAt),
      kind: MEETING_KIND_LABELS[m.kind],
      title: m.title,
      place: m.place,
      host: m.hostName,
      recorder: m.recorderName,
      attendees: String(m.attendees.length),
      decisions: m.items.flatMap((it) => it.decisions).join('；'),
      status: MEETING_STATUS_LABELS[m.status],
    })),
  });
}

export function sendFollowUpRegister(
  reply: FastifyReply,
  rows: { f: FollowUpRow; meetingTitle: string }[],
  format: RegisterFileFormat,
  today: string,
  orgName: string,
) {
  return sendRegisterSpec(reply, format, '督办事项登记簿', {
    title: '督办事项登记簿',
    orgName,
    footer: `合计 ${rows.length} 件`,
    columns: [
      { key: 'no', header: '序号', width: 6 },
      { key: 'meeting', header: '来源会议', width: 24 },
      { key: 'decision', header: '议定事项', width: 40 },
      { key: 'owner', header: '责任人', width: 10 },
      { key: 'deadline', header: '办理时限', width: 12 },
      { key: 'status', header: '办理情况', width: 12 },
      { key: 'result', header: '办结结果', width: 30 },
    ],
    rows: rows.map(({ f, meetingTitle }, i) => ({
      no: String(i + 1),
      meeting: meetingTitle,
      decision: f.decisionText,
      owner: f.ownerUnit ? `${f.ownerName}（${f.ownerUnit}）` : f.ownerName,
      deadline: f.deadline,
      status: f.status === 'closed' ? `已办结 ${f.closedOn}` : followUpOverdue(f, today) ? '逾期' : '办理中',
      result: f.result ?? '',
    })),
  });
}

/** The standard minutes layout: the header boxes, then each agenda item with its discussion and decisions. */
export function sendMinutesForm(reply: FastifyReply, m: MeetingRow, orgName: string) {
  return sendFormSpec(reply, `会议记录-${m.title}`, {
    title: '会议记录',
    orgName,
    subtitle: localDateTime(m.startsAt),
    sections: [
      {
        rows: [
          {
            cells: [
              { label: '会议名称', value: m.title, span: 2 },
              { label: '会议类型', value: MEETING_KIND_LABELS[m.kind] },
            ],
          },
          {
            cells: [
              { label: '时间', value: localDateTime(m.startsAt) },
              { label: '地点', value: m.place, span: 2 },
            ],
          },
          {
            cells: [
              { label: '主持人', value: m.hostName },
              { label: '记录人', value: m.recorderName },
              { label: '状态', value: MEETING_STATUS_LABELS[m.status] },
            ],
          },
          { cells: [{ label: '出席人员', value: m.attendees.join('、') }] },
          { cells: [{ label: '缺席人员及原因', value: m.absentees.map((a) => `${a.name}（${a.reason}）`).join('、') || '无' }] },
          { cells: [{ label: '列席人员', value: m.nonVoting.join('、') || '无' }] },
        ],
      },
      ...m.items.map((it, i) => ({
        heading: `议题${i + 1}：${it.title}`,
        paragraphs: [it.discussion, ...it.decisions.map((d, j) => `议定事项${j + 1}：${d}`)].filter(Boolean),
      })),
    ],
    footer: m.amendmentCount ? `本记录定稿后更正 ${m.amendmentCount} 次，更正记录见系统。` : undefined,
  });
}
