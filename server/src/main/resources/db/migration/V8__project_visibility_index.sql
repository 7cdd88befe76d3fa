-- The task listing asks "which projects may this principal read, up to a hundred of them?" on
-- every request, public ones first. With this index that costs a hundred index entries, however
-- few of the workspace's projects are public; without it, a scan of every project.
create index project_by_visibility on project (workspace_id, visibility, id);
