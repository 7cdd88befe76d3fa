-- The project an event is about (the project itself, or the list or task inside it), so the trail
-- can hide events about projects its reader may not read: holding audit.read does not make a
-- private project visible. Null for events outside any project.
alter table audit_event add column project_id varchar(40);
-- The one person who may read about a private task: its creator. Null for everything else.
alter table audit_event add column private_to varchar(40);

-- The history of one target (and the backfills below, which look events up by target: without
-- it each would scan the workspace's whole trail once per event), and the trail of one project.
create index audit_event_target on audit_event (workspace_id, target_type, target_id);

update audit_event set project_id = target_id where target_type = 'project';

update audit_event set project_id = (
        select l.project_id from task_list l where l.workspace_id = audit_event.workspace_id and l.id = audit_event.target_id)
 where target_type = 'list';

-- A list deleted since has no row left, but its creation named its project.
update audit_event set project_id = (
        select substring(c.details from 9) from audit_event c
         where c.workspace_id = audit_event.workspace_id and c.target_type = 'list'
           and c.target_id = audit_event.target_id and c.action = 'list.created' and c.details like 'project=%')
 where target_type = 'list' and project_id is null;

update audit_event set project_id = (
        select t.project_id from task t where t.workspace_id = audit_event.workspace_id and t.id = audit_event.target_id)
 where target_type = 'task';

-- A project task deleted since has no row left, and its events never named the project: they are
-- marked as in a project no one reads but holders of projects.read_all, rather than shown to all.
update audit_event set project_id = '(deleted)'
 where target_type = 'task' and project_id is null
   and exists (select 1 from audit_event c
                where c.workspace_id = audit_event.workspace_id and c.target_type = 'task'
                  and c.target_id = audit_event.target_id and c.action = 'task.created'
                  and c.details = 'type=project');

update audit_event set private_to = (
        select t.created_by from task t
         where t.workspace_id = audit_event.workspace_id and t.id = audit_event.target_id and t.type = 'private')
 where target_type = 'task';

-- A private task deleted since: its creation says it was private, and who made it.
update audit_event set private_to = (
        select c.actor_id from audit_event c
         where c.workspace_id = audit_event.workspace_id and c.target_type = 'task'
           and c.target_id = audit_event.target_id and c.action = 'task.created' and c.details = 'type=private')
 where target_type = 'task' and private_to is null;

create index audit_event_project on audit_event (workspace_id, project_id, id);
