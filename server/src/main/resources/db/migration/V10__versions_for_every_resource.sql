-- Every single resource of the API answers an ETag, its row version, and honours If-Match as a
-- compare-and-set on it. Workspace members, API clients, custom roles, projects, lists, tasks and
-- master tasks have carried a version since they were created; these four did not. Existing rows
-- start at version 1, as new ones do.
alter table workspace add column version bigint not null default 1;
alter table team add column version bigint not null default 1;
alter table job_position add column version bigint not null default 1;
alter table project_member add column version bigint not null default 1;
