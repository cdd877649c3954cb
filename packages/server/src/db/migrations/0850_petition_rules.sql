-- 信访工作条例 (2022) as the text has it (issue 12):
--  * every statutory period is in calendar days: the setting that stretched them all to working days goes;
--  * a transferred or assigned case (转送、交办) may be objected to within 5 working days (第二十三条第三款):
--    its source, the organ, the objection and the organ's answer; statuses 'objected' and 'returned';
--  * the 15-day written notice (第二十三条) is judged on the notice date: a late one is recorded and flagged;
--  * the 复核 window runs from the petitioner's receipt of the 复查 answer, so that date is kept;
--  * a 复核 hearing's days (听证) do not count toward its 30 days (第三十六条);
--  * a matter raised again after 复核 is a new case only with new facts or grounds, which are kept.
ALTER TABLE petitions DROP COLUMN day_count;
DELETE FROM app_settings WHERE key = 'petitions.dayCount';

ALTER TABLE petitions
  ADD COLUMN source text NOT NULL DEFAULT 'direct' CHECK (source IN ('direct', 'transferred', 'assigned')),
  ADD COLUMN transferred_by text,
  ADD COLUMN objected_on date,
  ADD COLUMN objection_reason text,
  ADD COLUMN objection_decided_on date,
  ADD COLUMN objection_agreed boolean,
  ADD COLUMN notice_late boolean NOT NULL DEFAULT false,
  ADD COLUMN review_answer_notified_on date,
  ADD COLUMN rereview_answer_notified_on date,
  ADD COLUMN rereview_hearing_days integer NOT NULL DEFAULT 0 CHECK (rereview_hearing_days >= 0),
  ADD COLUMN new_facts text,
  ADD CONSTRAINT petitions_source_organ CHECK (source = 'direct' OR transferred_by IS NOT NULL),
  ADD CONSTRAINT petitions_objection CHECK ((objected_on IS NULL) = (objection_reason IS NULL));

-- The status list and the 'no decision while registered' rule gain the objection's two states.
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'petitions'::regclass AND contype = 'c'
      AND (pg_get_constraintdef(oid) LIKE '%rereview_requested%' OR pg_get_constraintdef(oid) LIKE '%decided_on IS NULL)%')
      AND pg_get_constraintdef(oid) NOT LIKE '%closed_on%'
  LOOP
    EXECUTE format('ALTER TABLE petitions DROP CONSTRAINT %I', c.conname);
  END LOOP;
END $$;
ALTER TABLE petitions
  ADD CONSTRAINT petitions_status_check CHECK (status IN ('registered', 'objected', 'returned', 'accepted', 'not_accepted', 'closed',
    'review_requested', 'reviewed', 'rereview_requested', 'rereviewed')),
  ADD CONSTRAINT petitions_decided CHECK ((status IN ('registered', 'objected')) = (decided_on IS NULL));

ALTER TABLE petitions DROP CONSTRAINT IF EXISTS petitions_due_kind_check;
ALTER TABLE petitions ADD CONSTRAINT petitions_due_kind_check
  CHECK (due_kind IN ('accept', 'objection', 'handle', 'review_answer', 'rereview_answer'));
