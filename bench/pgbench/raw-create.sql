-- What the raw-JDBC baseline of the load benchmark sends per task: the task, its audit event, one transaction.
\set n random(1, 9000000000000000000)
BEGIN;
insert into task (workspace_id, id, type, project_id, title, description, status, priority, due_at, blockers,
                  assignee_id, created_by, created_at, updated_by, updated_at, version)
values (:ws, 'task_pgbench_' || :client_id || '_' || :n, 'project', :project, 'load-bench pgbench', '',
        'pending', 'high', null, '[]', null, :client, now(), :client, now(), 1);
insert into audit_event (workspace_id, id, occurred_at, actor_type, actor_id, api_key_id, integration_name, action,
                         target_type, target_id, details)
values (:ws, 'evt_pgbench_' || :client_id || '_' || :n, now(), 'api_client', :client, :key, null,
        'task.created', 'task', 'task_pgbench_' || :client_id || '_' || :n, 'type=project');
COMMIT;
