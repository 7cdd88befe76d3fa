package io.taskgate.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;

/**
 * Records audit events. {@link #record} joins the caller's transaction (and refuses to run
 * without one), so an event exists exactly when the change it describes was committed.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Authorization authorization;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Authorization authorization, Clock clock) {
        this.jdbc = jdbc;
        this.authorization = authorization;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String workspaceId, Caller actor, String action, String targetType, String targetId,
            @Nullable String details) {
        String keyId = actor instanceof Caller.ApiClient client ? client.keyId() : null;
        jdbc.sql("""
                insert into audit_event (workspace_id, id, occurred_at, actor_type, actor_id, api_key_id,
                                         integration_name, action, target_type, target_id, details)
                values (:ws, :id, :at, :actorType, :actorId, :keyId, :integration, :action, :targetType, :targetId,
                        :details)
                """)
                .param("ws", workspaceId)
                .param("id", Ids.next("evt", clock))
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("actorType", actor.type())
                .param("actorId", actor.id())
                .param("keyId", keyId)
                .param("integration", actor.integrationName())
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("details", details)
                .update();
    }

    public record Filter(@Nullable String actorId, @Nullable String apiKeyId, @Nullable String integrationName,
            @Nullable String action) {
    }

    /** Reading the trail, newest first, takes {@code audit.read}: the API and the console both ask here. */
    public Page<AuditEvent> read(Caller caller, String workspaceId, Filter filter, @Nullable String cursor,
            @Nullable Integer limit) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.require(principal, WorkspacePermission.AUDIT_READ);
        int size = Cursors.limit(limit);
        return Page.fromOverfetch(list(workspaceId, filter, Cursors.decode(cursor), size + 1), size, AuditEvent::id);
    }

    /** Newest first; {@code before} is the id of the last event of the previous page. */
    List<AuditEvent> list(String workspaceId, Filter filter, @Nullable String before, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor_type, actor_id, api_key_id, integration_name, action,
                       target_type, target_id, details
                  from audit_event
                 where workspace_id = :ws
                   and (cast(:actorId as varchar) is null or actor_id = :actorId)
                   and (cast(:keyId as varchar) is null or api_key_id = :keyId)
                   and (cast(:integration as varchar) is null or integration_name = :integration)
                   and (cast(:action as varchar) is null or action = :action)
                   and (cast(:before as varchar) is null or id < :before)
                 order by id desc
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("actorId", filter.actorId())
                .param("keyId", filter.apiKeyId())
                .param("integration", filter.integrationName())
                .param("action", filter.action())
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> new AuditEvent(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
    }
}
