-- A task's blockers are kept as a JSON array. 20 blockers of 200 characters each fit 16,000
-- characters as written, but not once JSON escapes them: a control character becomes six
-- (\u0001), so the worst case is 20 x (200 x 6 + 2 quotes) + 19 commas + 2 brackets = 24,061.
-- Widening a varchar rewrites nothing on PostgreSQL.
alter table task alter column blockers set data type varchar(24100);
