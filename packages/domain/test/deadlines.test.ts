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
  noticeLate,
  objectionBy,
  objectionProblem,
  periodEnd,
  repeatRefused,
  rereviewAnswerBy,
  reviewRequestBy,
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

// 2026 National Day and Mid-Autumn holiday, for the roll-over rule (10月1日至8日放假，9月28日、10月11日上班).
const nationalDay = calendarFromPeriods([{ startsOn: '2026-10-01', endsOn: '2026-10-08', makeupWorkdays: ['2026-09-28', '2026-10-11'] }]);

/**
 * 信访工作条例 (2022), read with the search tool: 第二十三条 (第三款 quoted by szft.gov.cn post_12403598),
 * the 复查/复核 text (gdwsxf.gd.gov.cn post_3962125); 民法典 第二百零一条, 第二百零三条 (neixun.cn).
 */
describe('信访工作条例 (2022) periods', () => {
  it('gives the written notice within 15 calendar days of receipt (第二十三条)', () => {
    expect(acceptBy(base)).toBe('2026-03-17');
    expect(currentDeadline(base, '2026-03-18')).toEqual({ kind: 'accept', due: '2026-03-17', state: 'overdue' });
    // Calendar days even across the Spring Festival: 13 Feb + 15 = 28 Feb, a make-up working Saturday, so it stays.
    expect(acceptBy({ receivedOn: '2026-02-13' }, springFestival)).toBe('2026-02-28');
  });

  it('judges the 15 days on the notice date, not the decision date (第二十三条)', () => {
    // Decided on day 10, but the notice reached the petitioner on day 16: late, and flagged.
    expect(noticeLate(base, '2026-03-17')).toBe(false);
    expect(noticeLate(base, '2026-03-18')).toBe(true);
  });

  it('moves a last day that falls on a holiday or rest day to the first working day after it (民法典 第二百零三条)', () => {
    // 16 Sep + 15 = 1 Oct, inside the holiday: the period ends on Fri 9 Oct, the first working day.
    expect(periodEnd('2026-09-16', 15, nationalDay)).toBe('2026-10-09');
    expect(acceptBy({ receivedOn: '2026-09-16' }, nationalDay)).toBe('2026-10-09');
    // Without the calendar only the weekend is known: Thu 1 Oct stays.
    expect(periodEnd('2026-09-16', 15)).toBe('2026-10-01');
    // A last day on an ordinary Saturday (7 Mar) moves to Monday 9 Mar.
    expect(periodEnd('2026-02-20', 15, springFestival)).toBe('2026-03-09');
    // A make-up working Sunday (11 Oct) is a working day and stays.
    expect(periodEnd('2026-09-26', 15, nationalDay)).toBe('2026-10-11');
  });

  it('takes an objection to a transferred or assigned case within 5 working days of receipt (第二十三条第三款)', () => {
    const transferred: PetitionDates = { ...base, source: 'transferred', receivedOn: '2026-02-13' };
    // Fri 13 Feb: Sat 14 (make-up), the holiday to 23, then 24, 25, 26, 27 Feb: the 5th working day is Fri 27 Feb.
    expect(objectionBy(transferred, springFestival)).toBe('2026-02-27');
    expect(objectionProblem(transferred, '2026-02-27', springFestival)).toBeNull();
    expect(objectionProblem(transferred, '2026-03-02', springFestival)).toBe('too_late');
    expect(objectionProblem({ ...base, source: 'direct' }, '2026-03-03')).toBe('direct');
    expect(objectionProblem({ ...transferred, status: 'accepted' }, '2026-02-20')).toBe('wrong_state');
  });

  it('handles within 60 days of acceptance, plus one extension of at most 30 days (第三十四条)', () => {
    const accepted: PetitionDates = { ...base, status: 'accepted', decidedOn: '2026-03-10' };
    expect(handleBy(accepted)).toBe('2026-05-11'); // 9 May is a Saturday: Monday 11 May
    expect(extensionProblem(accepted, 30, '2026-05-01')).toBeNull();
    expect(extensionProblem(accepted, 31, '2026-05-01')).toBe('too_long');
    expect(extensionProblem(accepted, 10, '2026-05-12')).toBe('past_due');
    const extended = { ...accepted, extensionDays: 30 };
    expect(handleBy(extended)).toBe('2026-06-08');
    expect(extensionProblem(extended, 5, '2026-05-01')).toBe('already_extended');
    expect(extensionProblem(base, 5, '2026-03-05')).toBe('wrong_state');
  });

  it('takes a 复查 request within 30 days of the receipt of the written answer, not of the closing (第三十五条)', () => {
    const closed: PetitionDates = {
      ...base,
      status: 'closed',
      decidedOn: '2026-03-10',
      closedOn: '2026-04-01',
      answerNotifiedOn: '2026-04-10',
    };
    expect(reviewRequestBy(closed, 'review')).toBe('2026-05-11'); // 10 May is a Sunday
    expect(reviewRequestProblem(closed, 'review', '2026-05-08')).toBeNull(); // 37 days after the closing
    expect(reviewRequestProblem(closed, 'review', '2026-05-12')).toBe('too_late');
    expect(reviewRequestProblem(closed, 'review', '2026-04-05')).toBe('before_answer');
    expect(reviewRequestProblem({ ...closed, answerNotifiedOn: null }, 'review', '2026-04-05')).toBe('no_receipt');
    expect(reviewRequestProblem(closed, 'rereview', '2026-04-10')).toBe('wrong_state');
    const inReview: PetitionDates = { ...closed, status: 'review_requested', reviewRequestedOn: '2026-04-20' };
    expect(currentDeadline(inReview, '2026-05-21')).toEqual({ kind: 'review_answer', due: '2026-05-20', state: 'overdue' });
  });

  it('takes a 复核 request within 30 days of the receipt of the 复查 answer; hearing days pause its 30 days (第三十六条)', () => {
    const reviewed: PetitionDates = {
      ...base,
      status: 'reviewed',
      closedOn: '2026-04-01',
      answerNotifiedOn: '2026-04-01',
      reviewRequestedOn: '2026-04-20',
      reviewAnsweredOn: '2026-05-10',
      reviewAnswerNotifiedOn: '2026-05-15',
    };
    // 15 May + 30 = Sun 14 Jun, so Mon 15 Jun: 36 days after the answer itself.
    expect(reviewRequestProblem(reviewed, 'rereview', '2026-06-15')).toBeNull();
    expect(reviewRequestProblem(reviewed, 'rereview', '2026-06-16')).toBe('too_late');
    const inRereview: PetitionDates = { ...reviewed, status: 'rereview_requested', rereviewRequestedOn: '2026-06-01' };
    expect(currentDeadline(inRereview, '2026-06-01')).toMatchObject({ kind: 'rereview_answer', due: '2026-07-01' });
    // A 3-day hearing: the answer is due 3 days later.
    expect(rereviewAnswerBy({ ...inRereview, rereviewHearingDays: 3 })).toBe('2026-07-06'); // 4 Jul is a Saturday
    const final: PetitionDates = { ...inRereview, status: 'rereviewed', rereviewAnsweredOn: '2026-06-20' };
    expect(reviewRequestProblem(final, 'review', '2026-06-25')).toBe('final');
    expect(reviewRequestProblem(final, 'rereview', '2026-06-25')).toBe('final');
    expect(currentDeadline(final, '2026-06-25')).toBeNull();
  });

  it('after 复核 refuses only the same facts and grounds; new facts make a new case (第三十六条)', () => {
    expect(repeatRefused({ status: 'rereviewed' }, undefined)).toBe(true);
    expect(repeatRefused({ status: 'rereviewed' }, '   ')).toBe(true);
    expect(repeatRefused({ status: 'rereviewed' }, '新发现的测绘资料显示界址与原认定不同')).toBe(false);
    expect(repeatRefused({ status: 'closed' }, undefined)).toBe(false);
  });
});

describe('masking personal data', () => {
  it('keeps the first and last characters only', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
});
