-- Ordered lists inside a project.
create table task_list (
    workspace_id varchar(40)  not null,
    project_id   varchar(40)  not null,
    id           varchar(40)  not null,
    name         varchar(400) not null,
    sort_order   bigint       not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(40)  not null,
    updated_at   timestamp with time zone not null,
    version      bigint       not null default 1,
    primary key (workspace_id, id),
    foreign key (workspace_id, project_id) references project (workspace_id, id) on delete cascade
);
create index task_list_project on task_list (workspace_id, project_id, sort_order);

-- Lengths are checked in characters (code points) by the API; columns are sized in UTF-16
-- units, twice as many, because H2 counts an emoji as two.
-- private: its creator's alone; project: governed by project roles; staff: assigned to a member.
-- Blockers (at most 20 short strings) are kept as a JSON array: they are read and written whole.
create table task (
    workspace_id varchar(40)   not null,
    id           varchar(40)   not null,
    type         varchar(10)   not null,
    project_id   varchar(40),
    title        varchar(1000) not null,
    description  varchar(4000) not null,
    status       varchar(20)   not null,
    priority     varchar(10)   not null,
    due_at       timestamp with time zone,
    blockers     varchar(16000) not null,
    assignee_id  varchar(40),
    created_by   varchar(40)   not null,
    created_at   timestamp with time zone not null,
    updated_by   varchar(40)   not null,
    updated_at   timestamp with time zone not null,
    version      bigint        not null default 1,
    primary key (workspace_id, id),
    foreign key (workspace_id, project_id) references project (workspace_id, id) on delete cascade,
    constraint task_type check (type in ('private', 'project', 'staff')),
    constraint task_project check ((type = 'project') = (project_id is not null)),
    constraint task_status check (status in ('pending', 'in-progress', 'blocked', 'completed')),
    constraint task_priority check (priority in ('low', 'medium', 'high'))
);
-- One index per way a task becomes visible, each ending in id for keyset pages.
create index task_by_project on task (workspace_id, project_id, id);
create index task_by_creator on task (workspace_id, type, created_by, id);
create index task_by_assignee on task (workspace_id, assignee_id, id);

-- A project task can sit in several lists, each with its own order.
create table task_in_list (
    workspace_id varchar(40) not null,
    list_id      varchar(40) not null,
    task_id      varchar(40) not null,
    sort_order   bigint      not null,
    primary key (workspace_id, list_id, task_id),
    foreign key (workspace_id, list_id) references task_list (workspace_id, id) on delete cascade,
    foreign key (workspace_id, task_id) references task (workspace_id, id) on delete cascade
);
create index task_in_list_task on task_in_list (workspace_id, task_id);

-- Reusable task templates for positions; deleted ones are kept (soft delete).
create table master_task (
    workspace_id varchar(40)   not null,
    id           varchar(40)   not null,
    name         varchar(400)  not null,
    description  varchar(4000) not null,
    color        varchar(7)    not null,
    favorite     boolean       not null,
    created_by   varchar(40)   not null,
    created_at   timestamp with time zone not null,
    updated_by   varchar(40)   not null,
    updated_at   timestamp with time zone not null,
    deleted_by   varchar(40),
    deleted_at   timestamp with time zone,
    version      bigint        not null default 1,
    primary key (workspace_id, id)
);

create table master_task_position (
    workspace_id   varchar(40) not null,
    master_task_id varchar(40) not null,
    position_id    varchar(40) not null,
    primary key (workspace_id, master_task_id, position_id),
    foreign key (workspace_id, master_task_id) references master_task (workspace_id, id) on delete cascade
);

-- Idempotency-Key: the first answer to a POST, replayed to retries of the same principal.
create table idempotency_record (
    workspace_id   varchar(40)  not null,
    principal_id   varchar(40)  not null,
    idempotency_key varchar(200) not null,
    request_hash   varchar(64)  not null,
    status         integer,
    content_type   varchar(200),
    location       varchar(1000),
    etag           varchar(100),
    body           varchar(200000),
    created_at     timestamp with time zone not null,
    primary key (workspace_id, principal_id, idempotency_key)
);
create index idempotency_record_age on idempotency_record (created_at);
