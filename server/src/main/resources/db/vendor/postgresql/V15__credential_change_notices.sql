-- Every change a kept credential rests on is announced on the channel taskgate_credentials as it
-- commits, whoever makes it (any server process, or someone at a SQL prompt), so that servers
-- may keep credentials in memory and forget them in time (CredentialCache, CredentialChangeNotices).
-- Payloads: 'w:<workspace id>' (the workspace's keys, clients or access version), 'u:<user id>',
-- 's:<session token hash>', '*' (anything: a table was truncated). NOTIFY folds equal payloads of
-- one transaction into one.

create function taskgate_credential_notice() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'user_session' then
        perform pg_notify('taskgate_credentials', 's:' || old.token_hash);
    elsif tg_table_name = 'user_account' then
        perform pg_notify('taskgate_credentials', 'u:' || old.id);
    else
        perform pg_notify('taskgate_credentials', 'w:' || old.workspace_id);
    end if;
    return null;
end
$$;

-- The access version moves with every change to what access decisions rest on (V12).
create trigger workspace_access_changed after update on workspace for each row
    when (old.access_version is distinct from new.access_version)
    execute function taskgate_credential_notice();
create trigger workspace_deleted after delete on workspace for each row
    execute function taskgate_credential_notice();

create trigger api_client_changed after update or delete on api_client for each row
    execute function taskgate_credential_notice();

-- A key's last use is bookkeeping, written at most once a minute per key: not announced.
create trigger api_key_changed after update on api_key for each row
    when ((old.workspace_id, old.api_client_id, old.secret_hash, old.expires_at, old.revoked_at)
          is distinct from (new.workspace_id, new.api_client_id, new.secret_hash, new.expires_at, new.revoked_at))
    execute function taskgate_credential_notice();
create trigger api_key_deleted after delete on api_key for each row
    execute function taskgate_credential_notice();

create trigger user_session_changed after update or delete on user_session for each row
    execute function taskgate_credential_notice();

-- A session answers with its person's name and email; the password hash plays no part.
create trigger user_account_changed after update on user_account for each row
    when ((old.name, old.email) is distinct from (new.name, new.email))
    execute function taskgate_credential_notice();
create trigger user_account_deleted after delete on user_account for each row
    execute function taskgate_credential_notice();

-- TRUNCATE fires no row trigger: announce that anything may have changed.
create function taskgate_credentials_truncated() returns trigger language plpgsql as $$
begin
    perform pg_notify('taskgate_credentials', '*');
    return null;
end
$$;
create trigger workspace_truncated after truncate on workspace
    for each statement execute function taskgate_credentials_truncated();
create trigger api_client_truncated after truncate on api_client
    for each statement execute function taskgate_credentials_truncated();
create trigger api_key_truncated after truncate on api_key
    for each statement execute function taskgate_credentials_truncated();
create trigger user_session_truncated after truncate on user_session
    for each statement execute function taskgate_credentials_truncated();
create trigger user_account_truncated after truncate on user_account
    for each statement execute function taskgate_credentials_truncated();
