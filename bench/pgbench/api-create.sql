-- What the server sends PostgreSQL per API create by an API key (as logged with log_statement = all):
-- the key lookup, which reads the workspace's access version with it, then the task and its audit event in
-- one statement, outside a transaction (AuditLog.recordWith). The principal's and the project's facts come from
-- the server's cache while the access version stands still (AccessFactsCache), so no statement loads them.
\set n random(1, 9000000000000000000)
select k.workspace_id, k.id, k.api_client_id, k.name, k.created_at, k.created_by, k.expires_at, k.revoked_at,
       k.last_used_at, k.secret_hash, c.name, c.active, w.access_version
  from api_key k
  join api_client c on c.workspace_id = k.workspace_id and c.id = k.api_client_id
  join workspace w on w.workspace_id = k.workspace_id
 where k.id = :key;
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
