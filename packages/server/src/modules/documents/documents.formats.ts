/**
 * What the special formats of GB/T 9704 chapter 10 need from a document record beyond the standard
 * format's fields. The 纪要 lists (10.3) travel in the record's body, as the closing 出席：/请假：/
 * 列席： paragraphs a drafter types or the meetings module writes (`draftSummaryFromMinutes`); for
 * printing they are lifted out of the 正文 and set in the 10.3 format.
 */
import type { OfficialDocumentInput } from '@township-office/domain/print';

const LIST = /^[\s\u3000]*(出席|请假|列席)[：:][\s\u3000]*(.*?)[\s\u3000。]*$/;
const FIELD = { 出席: 'attendees', 请假: 'absentees', 列席: 'observers' } as const;

/** Splits the trailing 出席/请假/列席 paragraphs off a 纪要's body; names are separated by 、，, or ;. */
export function liftSummaryLists(body: string): Pick<OfficialDocumentInput, 'attendees' | 'absentees' | 'observers'> & { body: string } {
  const lines = body.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  let end = lines.length;
  while (end > 0 && LIST.test(lines[end - 1]!)) end--;
  const out: Pick<OfficialDocumentInput, 'attendees' | 'absentees' | 'observers'> = {};
  for (const line of lines.slice(end)) {
    const [, label, names] = LIST.exec(line)!;
    const field = FIELD[label as keyof typeof FIELD];
    out[field] = [
      ...(out[field] ?? []),
      ...names!
        .split(/[、，,；;]/)
        .map((n) => n.trim())
        .filter(Boolean),
    ];
  }
  return { ...out, body: lines.slice(0, end).join('\n') };
}
