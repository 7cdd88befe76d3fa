create table workspace (
    workspace_id varchar(40)  primary key,
    name         varchar(200) not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(40)  not null
);

-- A person's place in one workspace. Deactivation keeps the row: nothing is deleted, access stops.
create table workspace_member (
    workspace_id varchar(40) not null references workspace (workspace_id),
    user_id      varchar(40) not null references user_account (id),
    role         varchar(20) not null,
    active       boolean     not null,
    added_at     timestamp with time zone not null,
    added_by     varchar(40),
    version      bigint      not null default 1,
    primary key (workspace_id, user_id),
    constraint workspace_member_role check (role in ('owner', 'admin', 'member', 'guest'))
);
create index workspace_member_user on workspace_member (user_id);
