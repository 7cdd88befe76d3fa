-- Custom roles hold any subset of the permission catalog, plus permissions on given positions.
create table custom_role (
    workspace_id varchar(40)  not null references workspace (workspace_id),
    id           varchar(40)  not null,
    name         varchar(100) not null,
    created_at   timestamp with time zone not null,
    version      bigint       not null default 1,
    primary key (workspace_id, id),
    constraint custom_role_name_unique unique (workspace_id, name)
);

create table custom_role_permission (
    workspace_id varchar(40) not null,
    role_id      varchar(40) not null,
    permission   varchar(40) not null,
    primary key (workspace_id, role_id, permission),
    foreign key (workspace_id, role_id) references custom_role (workspace_id, id) on delete cascade
);

create table custom_role_position_permission (
    workspace_id varchar(40) not null,
    role_id      varchar(40) not null,
    position_id  varchar(40) not null,
    permission   varchar(40) not null,
    primary key (workspace_id, role_id, position_id, permission),
    foreign key (workspace_id, role_id) references custom_role (workspace_id, id) on delete cascade
);

-- Which principals (users or API clients) hold which custom roles.
create table principal_custom_role (
    workspace_id   varchar(40) not null,
    principal_type varchar(20) not null,
    principal_id   varchar(40) not null,
    role_id        varchar(40) not null,
    primary key (workspace_id, principal_type, principal_id, role_id),
    foreign key (workspace_id, role_id) references custom_role (workspace_id, id) on delete cascade,
    constraint principal_custom_role_type check (principal_type in ('user', 'api_client'))
);

create table team (
    workspace_id varchar(40)  not null references workspace (workspace_id),
    id           varchar(40)  not null,
    name         varchar(200) not null,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, id)
);

create table team_member (
    workspace_id   varchar(40) not null,
    team_id        varchar(40) not null,
    principal_type varchar(20) not null,
    principal_id   varchar(40) not null,
    added_at       timestamp with time zone not null,
    primary key (workspace_id, team_id, principal_type, principal_id),
    foreign key (workspace_id, team_id) references team (workspace_id, id) on delete cascade,
    constraint team_member_type check (principal_type in ('user', 'api_client'))
);
create index team_member_principal on team_member (workspace_id, principal_type, principal_id);

create table job_position (
    workspace_id varchar(40)  not null references workspace (workspace_id),
    id           varchar(40)  not null,
    name         varchar(200) not null,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, id)
);

create table position_manager (
    workspace_id varchar(40) not null,
    position_id  varchar(40) not null,
    user_id      varchar(40) not null,
    primary key (workspace_id, position_id, user_id),
    foreign key (workspace_id, position_id) references job_position (workspace_id, id) on delete cascade
);
create index position_manager_user on position_manager (workspace_id, user_id);

create table position_staff (
    workspace_id varchar(40) not null,
    position_id  varchar(40) not null,
    user_id      varchar(40) not null,
    primary key (workspace_id, position_id, user_id),
    foreign key (workspace_id, position_id) references job_position (workspace_id, id) on delete cascade
);

create table project (
    workspace_id varchar(40)   not null references workspace (workspace_id),
    id           varchar(40)   not null,
    name         varchar(200)  not null,
    description  varchar(2000) not null,
    visibility   varchar(10)   not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(40)   not null,
    updated_at   timestamp with time zone not null,
    version      bigint        not null default 1,
    primary key (workspace_id, id),
    constraint project_visibility check (visibility in ('public', 'private'))
);

-- A member is a user, an API client or a whole team; the strongest of a principal's roles wins.
-- Principal ids are unique across kinds (usr_, cli_, team_ prefixes), so within a project the
-- principal id is the member's id.
create table project_member (
    workspace_id   varchar(40) not null,
    project_id     varchar(40) not null,
    principal_type varchar(20) not null,
    principal_id   varchar(40) not null,
    role           varchar(20) not null,
    added_at       timestamp with time zone not null,
    added_by       varchar(40) not null,
    primary key (workspace_id, project_id, principal_id),
    foreign key (workspace_id, project_id) references project (workspace_id, id) on delete cascade,
    constraint project_member_type check (principal_type in ('user', 'api_client', 'team')),
    constraint project_member_role check (role in ('guest', 'collaborator', 'creator', 'editor', 'manager'))
);
create index project_member_principal on project_member (workspace_id, principal_type, principal_id, project_id);
