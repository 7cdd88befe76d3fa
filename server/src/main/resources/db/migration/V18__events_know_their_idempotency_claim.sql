-- A request that claims an Idempotency-Key marks the events of its changes with its claim, in the
-- same write as the changes. After a crash between a change and its stored answer, a retry learns
-- from them whether the first request took effect, instead of making the change a second time.
alter table audit_event add column idempotency_claim varchar(40);
alter table idempotency_record add column claim_id varchar(40);
