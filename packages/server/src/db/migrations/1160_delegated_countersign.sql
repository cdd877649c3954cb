-- 会签 may be taken by a delegate on the co-issuing org's leader's behalf (委托, issue 11), as 签发
-- and 批示 already are: the decision keeps who took it (user_id, user_name) and for whom.
ALTER TABLE document_countersigns
  ADD COLUMN for_user_id uuid REFERENCES users(id),
  ADD COLUMN for_user_name text,
  ADD CONSTRAINT document_countersigns_for_pair CHECK ((for_user_id IS NULL) = (for_user_name IS NULL));

-- A delegation is announced to the delegate (and its withdrawal): two notification stages.
ALTER TABLE notifications DROP CONSTRAINT notifications_stage_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_stage_check
  CHECK (stage IN ('new', 'before', 'due', 'overdue', 'escalated', 'reminded', 'resent', 'delegated', 'undelegated'));
