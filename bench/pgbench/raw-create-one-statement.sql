-- The load benchmark's second raw baseline: the task and its audit event in the one statement the server
-- sends, without the key lookup.
\set n random(1, 9000000000000000000)
with change as (
  insert into task (workspace_id, id, type, project_id, title, description, status, priority, due_at, blockers,
                    assignee_id, created_by, created_at, updated_by, updated_at, version)
  values (:ws, 'task_pgbench_' || :client_id || '_' || :n, 'project', :project, 'load-bench pgbench', '',
          'pending', 'high', null, '[]', null, :client, now(), :client, now(), 1)
  returning 1)
insert into audit_event (workspace_id, id, occurred_at, actor_type, actor_id, api_key_id, integration_name, action,
                         target_type, target_id, details)
select :ws, 'evt_pgbench_' || :client_id || '_' || :n, now(), 'api_client', :client, :key, null,
       'task.created', 'task', 'task_pgbench_' || :client_id || '_' || :n, 'type=project'
  from change limit 1;
