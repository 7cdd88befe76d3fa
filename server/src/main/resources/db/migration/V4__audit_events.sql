-- Written in the transaction of the change it records: an acknowledged change always has its event.
create table audit_event (
    workspace_id     varchar(40)  not null,
    id               varchar(40)  not null,
    occurred_at      timestamp with time zone not null,
    actor_type       varchar(20)  not null,
    actor_id         varchar(40)  not null,
    api_key_id       varchar(40),
    integration_name varchar(200),
    action           varchar(80)  not null,
    target_type      varchar(40)  not null,
    target_id        varchar(40)  not null,
    details          varchar(4000),
    primary key (workspace_id, id)
);
create index audit_event_actor on audit_event (workspace_id, actor_id, id);
