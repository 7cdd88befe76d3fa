-- Bumped by every transaction that changes what access decisions in the workspace rest on
-- (members, roles, custom roles, teams, positions, projects, project members, API clients):
-- a process may keep a principal's facts as long as this has not moved.
alter table workspace add column access_version bigint not null default 0;
