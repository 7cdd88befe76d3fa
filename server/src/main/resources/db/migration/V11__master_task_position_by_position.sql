-- Which master tasks are for a position: the position filter of the listing, and the check that
-- refuses to delete a position live master tasks are for.
create index master_task_position_by_position on master_task_position (workspace_id, position_id, master_task_id);
