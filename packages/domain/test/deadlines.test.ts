import { describe, expect, it } from 'vitest';
import { daysLeft, deadlineState, dueDate } from '../src/deadlines.ts';
import { calendarFromPeriods, isWorkingDay } from '../src/holidays.ts';
import {
  acceptBy,
  currentDeadline,
  extensionProblem,
  handleBy,
  maskIdNumber,
  maskPhone,
  reviewRequestProblem,
  type PetitionDates,
} from '../src/petitions.ts';

// 2026 Spring Festival as published by the State Council's General Office (国办发明电〔2025〕7号):
// 2月15日至23日放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
const springFestival = calendarFromPeriods([
  { startsOn: '2026-02-15', endsOn: '2026-02-23', makeupWorkdays: ['2026-02-14', '2026-02-28'] },
]);

const base: PetitionDates = {
  receivedOn: '2026-03-02',
  decidedOn: null,
  status: 'registered',
  extensionDays: null,
  closedOn: null,
  reviewRequestedOn: null,
  reviewAnsweredOn: null,
  rereviewRequestedOn: null,
  rereviewAnsweredOn: null,
};

describe('day counting', () => {
  it('starts a period the day after the event (民法典 第二百零一条)', () => {
    expect(dueDate('2026-03-02', 15)).toBe('2026-03-17');
    expect(dueDate('2026-12-20', 15)).toBe('2027-01-04');
    expect(dueDate('2024-02-20', 10)).toBe('2024-03-01'); // leap year
  });

  it('counts working days over weekends, statutory holidays and make-up working days', () => {
    expect(isWorkingDay('2026-02-14', springFestival)).toBe(true); // Saturday worked for the holiday
    expect(isWorkingDay('2026-02-16', springFestival)).toBe(false); // Monday inside the holiday
    expect(isWorkingDay('2026-03-07', springFestival)).toBe(false); // ordinary Saturday
    // Friday 13 Feb + 3 working days: Sat 14 (make-up), then holiday to 23, then Tue 24, Wed 25.
    expect(dueDate('2026-02-13', 3, { count: 'working', calendar: springFestival })).toBe('2026-02-25');
    // Without the holiday calendar the same count lands in the holiday week.
    expect(dueDate('2026-02-13', 3, { count: 'working' })).toBe('2026-02-18');
  });

  it('reports days left and the tag state', () => {
    expect(daysLeft('2026-03-17', '2026-03-17')).toBe(0);
    expect(deadlineState('2026-03-17', '2026-03-18')).toBe('overdue');
    expect(deadlineState('2026-03-17', '2026-03-15')).toBe('due_soon');
    expect(deadlineState('2026-03-17', '2026-03-01')).toBe('open');
    expect(deadlineState('2026-03-17', '2026-04-01', '2026-03-16')).toBe('met');
    expect(deadlineState('2026-03-17', '2026-04-01', '2026-03-20')).toBe('missed');
  });
});

describe('信访工作条例 (2022) periods', () => {
  it('decides acceptance within 15 days of receipt (第三十二条)', () => {
    expect(acceptBy(base)).toBe('2026-03-17');
    expect(currentDeadline(base, '2026-03-18')).toEqual({ kind: 'accept', due: '2026-03-17', state: 'overdue' });
    // Working-day counting with the holiday calendar: received on the eve of the Spring Festival.
    expect(acceptBy({ receivedOn: '2026-02-13' }, { count: 'working', calendar: springFestival })).toBe('2026-03-12');
    // (14 Feb make-up, 24–28 Feb with the 28th made up, 2–6 Mar, 9–12 Mar: 15 working days.)
  });

  it('handles within 60 days of acceptance, plus one extension of at most 30 days (第三十五条)', () => {
    const accepted: PetitionDates = { ...base, status: 'accepted', decidedOn: '2026-03-10' };
    expect(handleBy(accepted)).toBe('2026-05-09');
    expect(extensionProblem(accepted, 30, '2026-05-01')).toBeNull();
    expect(extensionProblem(accepted, 31, '2026-05-01')).toBe('too_long');
    expect(extensionProblem(accepted, 10, '2026-05-10')).toBe('past_due');
    const extended = { ...accepted, extensionDays: 30 };
    expect(handleBy(extended)).toBe('2026-06-08');
    expect(extensionProblem(extended, 5, '2026-05-01')).toBe('already_extended');
    expect(extensionProblem(base, 5, '2026-03-05')).toBe('wrong_state');
  });

  it('takes a 复查 request within 30 days of the answer, answered within 30 (第三十六条)', () => {
    const closed: PetitionDates = { ...base, status: 'closed', decidedOn: '2026-03-10', closedOn: '2026-04-01' };
    expect(reviewRequestProblem(closed, 'review', '2026-05-01')).toBeNull();
    expect(reviewRequestProblem(closed, 'review', '2026-05-02')).toBe('too_late');
    expect(reviewRequestProblem(closed, 'review', '2026-03-30')).toBe('before_answer');
    expect(reviewRequestProblem(closed, 'rereview', '2026-04-10')).toBe('wrong_state');
    const inReview: PetitionDates = { ...closed, status: 'review_requested', reviewRequestedOn: '2026-04-20' };
    expect(currentDeadline(inReview, '2026-05-21')).toEqual({ kind: 'review_answer', due: '2026-05-20', state: 'overdue' });
  });

  it('takes a 复核 request likewise, and nothing after the 复核 (第三十七条)', () => {
    const reviewed: PetitionDates = {
      ...base,
      status: 'reviewed',
      closedOn: '2026-04-01',
      reviewRequestedOn: '2026-04-20',
      reviewAnsweredOn: '2026-05-15',
    };
    expect(reviewRequestProblem(reviewed, 'rereview', '2026-06-14')).toBeNull();
    expect(reviewRequestProblem(reviewed, 'rereview', '2026-06-15')).toBe('too_late');
    const inRereview: PetitionDates = { ...reviewed, status: 'rereview_requested', rereviewRequestedOn: '2026-06-01' };
    expect(currentDeadline(inRereview, '2026-06-01')).toMatchObject({ kind: 'rereview_answer', due: '2026-07-01' });
    const final: PetitionDates = { ...inRereview, status: 'rereviewed', rereviewAnsweredOn: '2026-06-20' };
    expect(reviewRequestProblem(final, 'review', '2026-06-25')).toBe('final');
    expect(reviewRequestProblem(final, 'rereview', '2026-06-25')).toBe('final');
    expect(currentDeadline(final, '2026-06-25')).toBeNull();
  });
});

describe('masking personal data', () => {
  it('keeps the first and last characters only', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
});
