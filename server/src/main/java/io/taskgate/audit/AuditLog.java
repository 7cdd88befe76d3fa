package io.taskgate.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.ReadableProjectsSql;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.support.SqlDialect;
import io.taskgate.web.Cursors;
import io.taskgate.web.IdempotencyClaims;
import io.taskgate.web.Page;

/**
 * Records audit events. {@link #record} joins the caller's transaction (and refuses to run
 * without one), and {@link #recordWith} writes the change and its event as one, so an event exists
 * exactly when the change it describes was committed.
 */
@Component
public class AuditLog {

    private static final String COLUMNS = """
            workspace_id, id, occurred_at, actor_type, actor_id, api_key_id, integration_name, action, target_type,
            target_id, details, project_id, private_to, idempotency_claim""";
    private static final String VALUES = """
            :eventWs, :eventId, :eventAt, :eventActorType, :eventActorId, :eventKeyId, :eventIntegration, :eventAction,
            :eventTargetType, :eventTargetId, :eventDetails, :eventProject, :eventPrivateTo, :eventClaim""";
    private static final String TYPED_VALUES = """
            cast(:eventWs as varchar), cast(:eventId as varchar), cast(:eventAt as timestamp with time zone),
            cast(:eventActorType as varchar), cast(:eventActorId as varchar), cast(:eventKeyId as varchar),
            cast(:eventIntegration as varchar), cast(:eventAction as varchar), cast(:eventTargetType as varchar),
            cast(:eventTargetId as varchar), cast(:eventDetails as varchar), cast(:eventProject as varchar),
            cast(:eventPrivateTo as varchar), cast(:eventClaim as varchar)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Authorization authorization;
    private final Clock clock;
    private final SqlDialect dialect;
    private final TransactionTemplate transactions;

    AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Authorization authorization, Clock clock,
            SqlDialect dialect, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.authorization = authorization;
        this.clock = clock;
        this.dialect = dialect;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Where a target lives, as far as who may read about it goes: in a project (the trail hides its
     * events from readers who may not read the project), private to one person (a private task:
     * its events are that person's alone), or neither.
     */
    public record Scope(@Nullable String projectId, @Nullable String privateTo) {

        public static final Scope WORKSPACE = new Scope(null, null);

        public static Scope project(@Nullable String projectId) {
            return new Scope(projectId, null);
        }

        public static Scope privateTo(String personId) {
            return new Scope(null, personId);
        }
    }

    /** What a change records: who did what to which target, and where the target lives. */
    public record Event(String workspaceId, Caller actor, String action, String targetType, String targetId,
            @Nullable String details, Scope scope) {

        /** An event about a project itself, or about something outside every project. */
        public Event(String workspaceId, Caller actor, String action, String targetType, String targetId,
                @Nullable String details) {
            this(workspaceId, actor, action, targetType, targetId, details,
                    targetType.equals("project") ? Scope.project(targetId) : Scope.WORKSPACE);
        }
    }

    /** Records an event about a project itself, or about something outside every project. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String workspaceId, Caller actor, String action, String targetType, String targetId,
            @Nullable String details) {
        insert(new Event(workspaceId, actor, action, targetType, targetId, details));
    }

    /** Records an event about something that lives in {@code scope} (a list, a task). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordIn(Scope scope, String workspaceId, Caller actor, String action, String targetType,
            String targetId, @Nullable String details) {
        insert(new Event(workspaceId, actor, action, targetType, targetId, details, scope));
    }

    private void insert(Event event) {
        bind(jdbc.sql("insert into audit_event (" + COLUMNS + ") values (" + VALUES + ")"), event).update();
    }

    /**
     * Writes {@code change} (one insert, update or delete without {@code returning}, whose named
     * parameters do not start with "event") and records {@code event} with it, as one atomic write:
     * the event exists exactly when the change wrote a row. On PostgreSQL both go in one statement,
     * so a change made outside a transaction costs one round trip instead of three (the change with
     * the driver's BEGIN, the event, COMMIT). Elsewhere both run in a transaction, the caller's if it
     * has one.
     *
     * @return whether the change wrote a row
     */
    public boolean recordWith(String change, Map<String, ?> changeParameters, Event event) {
        if (dialect.writesTwoTablesInOneStatement()) {
            // Typed, because a parameter in a select list gets no type from the column it fills.
            return bind(jdbc.sql("with change as (" + change + " returning 1) insert into audit_event (" + COLUMNS
                    + ") select " + TYPED_VALUES + " from change limit 1").params(changeParameters), event)
                    .update() > 0;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean changed = jdbc.sql(change).params(changeParameters).update() > 0;
            if (changed) {
                insert(event);
            }
            return changed;
        }));
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Event event) {
        return statement.params(parameters(event));
    }

    private Map<String, @Nullable Object> parameters(Event event) {
        Caller actor = event.actor();
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("eventWs", event.workspaceId());
        parameters.put("eventId", Ids.next("evt", clock));
        parameters.put("eventAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        parameters.put("eventActorType", actor.type());
        parameters.put("eventActorId", actor.id());
        parameters.put("eventKeyId", actor instanceof Caller.ApiClient client ? client.keyId() : null);
        parameters.put("eventIntegration", actor.integrationName());
        parameters.put("eventAction", event.action());
        parameters.put("eventTargetType", event.targetType());
        parameters.put("eventTargetId", event.targetId());
        parameters.put("eventDetails", event.details());
        parameters.put("eventProject", event.scope().projectId());
        parameters.put("eventPrivateTo", event.scope().privateTo());
        parameters.put("eventClaim", IdempotencyClaims.current());
        return parameters;
    }

    /**
     * Records many events in one batch: one per person a team add let into a project, say, so the
     * trail says who was given access, not only how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEach(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        batches.batchUpdate("insert into audit_event (" + COLUMNS + ") values (" + VALUES + ")",
                events.stream().map(event -> new MapSqlParameterSource(parameters(event)))
                        .toArray(SqlParameterSource[]::new));
    }

    /** What a change recorded with an event was made to. */
    public record Target(String type, String id) {
    }

    /**
     * What the changes made under an Idempotency-Key claim were made to, first first: none when
     * the request that claimed it changed nothing. Read through the actor's events, which an
     * index keeps together.
     */
    public List<Target> changedUnder(String workspaceId, String actorId, String claim) {
        return jdbc.sql("""
                select target_type, target_id from audit_event
                 where workspace_id = :ws and actor_id = :actor and idempotency_claim = :claim
                 order by id
                """)
                .param("ws", workspaceId)
                .param("actor", actorId)
                .param("claim", claim)
                .query((rs, n) -> new Target(rs.getString(1), rs.getString(2)))
                .list();
    }

    public record Filter(@Nullable String actorId, @Nullable String apiKeyId, @Nullable String integrationName,
            @Nullable String action, @Nullable String projectId) {

        /** Every filter but the project. */
        public Filter(@Nullable String actorId, @Nullable String apiKeyId, @Nullable String integrationName,
                @Nullable String action) {
            this(actorId, apiKeyId, integrationName, action, null);
        }
    }

    /**
     * Reading the trail, newest first, takes {@code audit.read}: the API and the console both ask
     * here. Events about a project the reader may not read are left out, as the project itself is
     * from every other answer, and so are those of another person's private tasks: {@code
     * audit.read} shows what happened, not what is hidden.
     */
    public Page<AuditEvent> read(Caller caller, String workspaceId, Filter filter, @Nullable String cursor,
            @Nullable Integer limit) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.require(principal, WorkspacePermission.AUDIT_READ);
        int size = Cursors.limit(limit);
        return Page.fromOverfetch(list(principal, filter, Cursors.decode(cursor, "evt"), size + 1), size, AuditEvent::id);
    }

    /** Newest first; {@code before} is the id of the last event of the previous page. */
    List<AuditEvent> list(WorkspacePrincipal reader, Filter filter, @Nullable String before, int limit) {
        String readableProject = ReadableProjectsSql.condition(authorization.projectReadScope(reader),
                "audit_event.project_id");
        return jdbc.sql("""
                select id, occurred_at, actor_type, actor_id, api_key_id, integration_name, action,
                       target_type, target_id, details, project_id
                  from audit_event
                 where workspace_id = :ws
                   and (project_id is null or %s)
                   and (private_to is null or private_to = :id)
                   and (cast(:actorId as varchar) is null or actor_id = :actorId)
                   and (cast(:keyId as varchar) is null or api_key_id = :keyId)
                   and (cast(:integration as varchar) is null or integration_name = :integration)
                   and (cast(:action as varchar) is null or action = :action)
                   and (cast(:project as varchar) is null or project_id = :project)
                   and (cast(:before as varchar) is null or id < :before)
                 order by id desc
                 limit :limit
                """.formatted(readableProject))
                .param("ws", reader.workspaceId())
                .param("type", reader.principalType())
                .param("id", reader.id())
                .param("project", filter.projectId())
                .param("actorId", filter.actorId())
                .param("keyId", filter.apiKeyId())
                .param("integration", filter.integrationName())
                .param("action", filter.action())
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> new AuditEvent(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .list();
    }
}
