create table api_client (
    workspace_id varchar(40)  not null references workspace (workspace_id),
    id           varchar(40)  not null,
    name         varchar(200) not null,
    role         varchar(20)  not null,
    access_level varchar(20)  not null,
    active       boolean      not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(40)  not null,
    version      bigint       not null default 1,
    primary key (workspace_id, id),
    constraint api_client_id_unique unique (id),
    constraint api_client_role check (role in ('owner', 'admin', 'member', 'guest')),
    constraint api_client_access_level check (access_level in ('read', 'read_write', 'global'))
);

-- The key id is part of the secret's visible prefix (tgk_<id>_<secret>), so a leaked key can be
-- traced to its client; only the SHA-256 of the whole secret is stored.
create table api_key (
    workspace_id  varchar(40) not null,
    id            varchar(40) not null,
    api_client_id varchar(40) not null,
    name          varchar(200),
    secret_hash   varchar(64) not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(40) not null,
    expires_at    timestamp with time zone,
    revoked_at    timestamp with time zone,
    last_used_at  timestamp with time zone,
    primary key (workspace_id, id),
    constraint api_key_id_unique unique (id),
    foreign key (workspace_id, api_client_id) references api_client (workspace_id, id)
);
create index api_key_client on api_key (workspace_id, api_client_id);
