-- Accounts are global identities (a person signs up once and joins many workspaces),
-- so these two tables are the only ones without workspace_id.
create table user_account (
    id               varchar(40)  primary key,
    email            varchar(320) not null,
    email_normalized varchar(320) not null,
    name             varchar(200) not null,
    -- null while the person has been invited to a workspace but has not signed up yet
    password_hash    varchar(200),
    created_at       timestamp with time zone not null,
    constraint user_account_email_unique unique (email_normalized)
);

-- A session token is shown once to the client; only its SHA-256 is kept.
create table user_session (
    token_hash varchar(64) primary key,
    user_id    varchar(40) not null references user_account (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);
create index user_session_user on user_session (user_id);
