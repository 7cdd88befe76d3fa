-- Holders of staff_tasks.manage read every staff task: this index serves that branch of the
-- task listing in id order (the keyset cursor), instead of a walk over all the workspace's tasks.
create index task_by_type on task (workspace_id, type, id);
