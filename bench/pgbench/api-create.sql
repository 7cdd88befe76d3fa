-- What the server sends PostgreSQL per API create by an API key (as logged with log_statement = all):
-- the key lookup, then in one transaction the principal's and the project's facts, the task, its audit event.
\set n random(1, 9000000000000000000)
select k.workspace_id, k.id, k.api_client_id, k.name, k.created_at, k.created_by, k.expires_at, k.revoked_at,
       k.last_used_at, k.secret_hash, c.name, c.active
  from api_key k join api_client c on c.workspace_id = k.workspace_id and c.id = k.api_client_id
 where k.id = :key;
BEGIN;
select 'identity' as kind, p.role as a, p.level as b, p.active as c, p.name as d
  from (select c.role as role, c.access_level as level, c.active as active, c.name as name
          from api_client c where c.workspace_id = :ws and c.id = :client) p
union all
select 'permission', rp.permission, null, null, null
  from principal_custom_role pr
  join custom_role_permission rp on rp.workspace_id = pr.workspace_id and rp.role_id = pr.role_id
 where pr.workspace_id = :ws and pr.principal_type = 'api_client' and pr.principal_id = :client
union all
select 'position_permission', pp.position_id, pp.permission, null, null
  from principal_custom_role pr
  join custom_role_position_permission pp on pp.workspace_id = pr.workspace_id and pp.role_id = pr.role_id
 where pr.workspace_id = :ws and pr.principal_type = 'api_client' and pr.principal_id = :client
union all
select 'team', tm.team_id, null, null, null from team_member tm
 where tm.workspace_id = :ws and tm.principal_type = 'api_client' and tm.principal_id = :client
union all
select 'manages', pm.position_id, null, null, null from position_manager pm
 where pm.workspace_id = :ws and pm.user_id = :client
union all
select 'project', p.visibility, null, null, p.name from project p where p.workspace_id = :ws and p.id = :project
union all
select 'project_grant', pm.principal_type, pm.role, null, pm.principal_id
  from project_member pm
 where pm.workspace_id = :ws and pm.project_id = :project
   and ((pm.principal_type = 'api_client' and pm.principal_id = :client)
        or (pm.principal_type = 'team' and pm.principal_id in (
              select tm.team_id from team_member tm
               where tm.workspace_id = :ws and tm.principal_type = 'api_client' and tm.principal_id = :client)));
insert into task (workspace_id, id, type, project_id, title, description, status, priority, due_at, blockers,
                  assignee_id, created_by, created_at, updated_by, updated_at, version)
values (:ws, 'task_pgbench_' || :client_id || '_' || :n, 'project', :project, 'load-bench pgbench', '',
        'pending', 'high', null, '[]', null, :client, now(), :client, now(), 1);
insert into audit_event (workspace_id, id, occurred_at, actor_type, actor_id, api_key_id, integration_name, action,
                         target_type, target_id, details)
values (:ws, 'evt_pgbench_' || :client_id || '_' || :n, now(), 'api_client', :client, :key, null,
        'task.created', 'task', 'task_pgbench_' || :client_id || '_' || :n, 'type=project');
COMMIT;
