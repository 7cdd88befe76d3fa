package io.taskgate.apiclient;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.CredentialState;
import io.taskgate.access.PositionsResource;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.Needs;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.support.SecretHash;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;
import io.taskgate.workspace.CustomRoles;

/** Use cases of API clients and their keys, all behind {@code api_clients.manage}. */
@Service
public class ApiClientService {

    private final ApiClients clients;
    private final ApiKeys keys;
    private final CustomRoles customRoles;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    ApiClientService(ApiClients clients, ApiKeys keys, CustomRoles customRoles, Authorization authorization,
            AuditLog audit, Clock clock) {
        this.clients = clients;
        this.keys = keys;
        this.customRoles = customRoles;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    public record ApiClientView(String id, String workspaceId, String name, String role, List<String> customRoleIds,
            String accessLevel, boolean active, Instant createdAt, String createdBy, long version) {
    }

    public record KeyView(String id, String apiClientId, @Nullable String name, String prefix, Instant createdAt,
            String createdBy, @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt,
            String status) {
    }

    /** The one answer that carries the secret: right after creation, never again. */
    public record CreatedKey(String id, String apiClientId, @Nullable String name, String prefix, String secret,
            Instant createdAt, String createdBy, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt, String status) {
    }

    public record NewClient(String name, WorkspaceRole role, AccessLevel accessLevel, List<String> customRoleIds) {
    }

    public record ClientChange(@Nullable String name, @Nullable WorkspaceRole role, @Nullable AccessLevel accessLevel,
            @Nullable List<String> customRoleIds, @Nullable Boolean active) {
    }

    @Transactional
    public ApiClientView create(Caller caller, String workspaceId, NewClient request) {
        WorkspacePrincipal principal = manager(caller, workspaceId);
        customRoles.needsToGive(needsToGrant(managing(principal), request.role(), request.accessLevel()),
                request.customRoleIds()).requireAll(GRANTING);
        var client = new ApiClients.ApiClient(workspaceId, Ids.next("cli", clock), request.name().trim(),
                request.role().key(), request.accessLevel().key(), true, clock.instant(), caller.id(), 1);
        clients.insert(client);
        customRoles.replaceAssignments(principal, "api_client", client.id(), request.customRoleIds());
        audit.record(workspaceId, caller, "api_client.created", "api_client", client.id(),
                "role=" + client.role() + ",accessLevel=" + client.accessLevel());
        return view(client);
    }

    @Transactional(readOnly = true)
    public Page<ApiClientView> list(Caller caller, String workspaceId, @Nullable String cursor, @Nullable Integer limit) {
        reader(caller, workspaceId);
        int size = Cursors.limit(limit);
        Page<ApiClients.ApiClient> page = Page.fromOverfetch(clients.list(workspaceId, Cursors.decode(cursor, "cli"),
                size + 1), size, ApiClients.ApiClient::id);
        Map<String, List<String>> roleIds = customRoles.assignedTo(workspaceId, "api_client",
                page.items().stream().map(ApiClients.ApiClient::id).toList());
        return page.map(client -> view(client, roleIds.getOrDefault(client.id(), List.of())));
    }

    @Transactional(readOnly = true)
    public ApiClientView get(Caller caller, String workspaceId, String clientId) {
        reader(caller, workspaceId);
        return view(find(workspaceId, clientId));
    }

    /** {@code expectedVersion} is the version named by {@code If-Match}, or null when there is none. */
    @Transactional
    public ApiClientView change(Caller caller, String workspaceId, String clientId, ClientChange change,
            @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = manager(caller, workspaceId);
        ApiClients.ApiClient current = find(workspaceId, clientId);
        Versions.requireCurrent(expectedVersion, current.version());
        WorkspaceRole role = change.role() == null ? WorkspaceRole.fromKey(current.role()).orElseThrow() : change.role();
        boolean active = change.active() == null ? current.active() : change.active();
        AccessLevel level = change.accessLevel() == null ? AccessLevel.fromKey(current.accessLevel()).orElseThrow()
                : change.accessLevel();
        String name = change.name() == null ? current.name() : change.name().trim();
        if (name.equals(current.name()) && role.key().equals(current.role())
                && level.key().equals(current.accessLevel()) && active == current.active()
                && (change.customRoleIds() == null || new HashSet<>(change.customRoleIds()).equals(
                        new HashSet<>(customRoles.assignedTo(workspaceId, "api_client", clientId))))) {
            managing(principal).requireAll("Changing an API client is managing it");
            return view(current); // nothing to write: the version, and so every ETag handed out, stands
        }
        // Changing what a client may do, or whether it may, takes being able to do all it can.
        if (!role.key().equals(current.role()) || !level.key().equals(current.accessLevel())
                || active != current.active() || change.customRoleIds() != null) {
            ApiClientFacts before = facts(workspaceId, clientId);
            // What it could do after the change too: a confined client made admin (or read_write)
            // manages every project it sits in, which its holder must manage already.
            ApiClientFacts after = before.withWorkspaceRole(role).withAccessLevel(level).withActive(active)
                    .withCustomPermissions(change.customRoleIds() == null ? before.customPermissions()
                            : customRoles.permissionsOf(workspaceId, change.customRoleIds()));
            Needs needs = needsToGrant(needsToActAs(needsToActAs(managing(principal), before), after), role, level);
            if (change.customRoleIds() != null) {
                customRoles.needsToAssign(needs, "api_client", clientId, change.customRoleIds());
            }
            needs.requireAll(actingAs(current));
        } else {
            managing(principal).requireAll("Renaming an API client is managing it");
        }
        var changed = new ApiClients.ApiClient(workspaceId, clientId,
                name, role.key(),
                level.key(),
                active, current.createdAt(), current.createdBy(), current.version() + 1);
        if (!clients.update(changed, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        if (change.customRoleIds() != null) {
            customRoles.replaceAssignments(principal, "api_client", clientId, change.customRoleIds());
        }
        audit.record(workspaceId, caller, "api_client.updated", "api_client", clientId,
                "role=" + changed.role() + ",accessLevel=" + changed.accessLevel() + ",active=" + changed.active());
        return view(changed);
    }

    @Transactional
    public CreatedKey createKey(Caller caller, String workspaceId, String clientId, @Nullable String name,
            @Nullable Instant expiresAt) {
        WorkspacePrincipal principal = manager(caller, workspaceId);
        ApiClients.ApiClient client = find(workspaceId, clientId);
        // Its keys would be refused at every request: say so now, not with the first 401.
        if (!client.active()) {
            throw ApiProblem.conflict("client_disabled",
                    "API client " + clientId + " is disabled: enable it (PATCH active: true) before giving it keys");
        }
        // A key acts as its client: minting one takes being able to do all it can.
        requireMayActAs(principal, clientId);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiProblem.invalid("expiresAt", "must be in the future");
        }
        String keyId = Ids.next("key", clock);
        String secret = ApiKeySecret.mint(keyId);
        var key = new ApiKeys.ApiKey(workspaceId, keyId, clientId, name, now, caller.id(), expiresAt, null, null);
        keys.insert(key, SecretHash.of(secret));
        audit.record(workspaceId, caller, "api_key.created", "api_key", keyId, "apiClientId=" + clientId);
        KeyView view = keyView(key);
        return new CreatedKey(view.id(), view.apiClientId(), view.name(), view.prefix(), secret, view.createdAt(),
                view.createdBy(), view.expiresAt(), view.revokedAt(), view.lastUsedAt(), view.status());
    }

    @Transactional(readOnly = true)
    public List<KeyView> listKeys(Caller caller, String workspaceId, String clientId) {
        reader(caller, workspaceId);
        find(workspaceId, clientId);
        return keys.list(workspaceId, clientId).stream().map(this::keyView).toList();
    }

    @Transactional(readOnly = true)
    public KeyView getKey(Caller caller, String workspaceId, String clientId, String keyId) {
        reader(caller, workspaceId);
        find(workspaceId, clientId);
        return keys.find(workspaceId, clientId, keyId).map(this::keyView)
                .orElseThrow(() -> ApiProblem.notFound("API key " + keyId));
    }

    @Transactional
    public void revokeKey(Caller caller, String workspaceId, String clientId, String keyId) {
        WorkspacePrincipal principal = manager(caller, workspaceId);
        find(workspaceId, clientId);
        keys.find(workspaceId, clientId, keyId).orElseThrow(() -> ApiProblem.notFound("API key " + keyId));
        // Cutting a stronger client off is refused like switching it off.
        requireMayActAs(principal, clientId);
        if (keys.revoke(workspaceId, keyId, clock.instant())) {
            audit.record(workspaceId, caller, "api_key.revoked", "api_key", keyId, "apiClientId=" + clientId);
        }
    }

    /** Reading clients and keys takes api_clients.manage too, which a read-only client may use to read. */
    private void reader(Caller caller, String workspaceId) {
        authorization.requireToRead(authorization.enter(caller, workspaceId), WorkspacePermission.API_CLIENTS_MANAGE);
    }

    /**
     * The caller, when it holds {@code api_clients.manage}; a {@code read} client holding it
     * passes here and is refused with everything else its request needs ({@link #managing}).
     */
    private WorkspacePrincipal manager(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireToRead(principal, WorkspacePermission.API_CLIENTS_MANAGE);
        return principal;
    }

    /**
     * Granting a role takes holding all it grants: admins manage members, but cannot crown
     * themselves. What a client of {@code level} holds to no effect is not asked (see {@link #effective}).
     */
    private Needs needsToGrant(Needs needs, WorkspaceRole role, AccessLevel level) {
        return needsToGrant(needs.permissions(effective(role.permissions(), level)), level);
    }

    /**
     * The permissions a client of {@code level} holds to any effect. A client confined to its member
     * projects holds the project-wide ones (projects.read_all, tasks.edit_all, projects.manage_all)
     * only in those projects, which {@link #requireMayActAs} checks one by one: asking the caller
     * for them workspace-wide would keep a read_write integration from managing a client no
     * stronger than itself, since it holds none of them workspace-wide either.
     */
    private static List<WorkspacePermission> effective(Collection<WorkspacePermission> permissions,
            AccessLevel level) {
        return permissions.stream()
                .filter(permission -> level == AccessLevel.GLOBAL || !permission.projectWide())
                .toList();
    }

    private static final String GRANTING = "Creating an API client grants what its role, access level and custom"
            + " roles give, which takes holding it";

    /** Whether the caller may act as the client or change it ({@link #requireMayActAs}): for offering the controls. */
    @Transactional(readOnly = true)
    public boolean mayActAs(Caller caller, String workspaceId, String clientId) {
        try {
            requireMayActAs(manager(caller, workspaceId), clientId);
            return true;
        } catch (ApiProblem refused) {
            return false;
        }
    }

    /**
     * Acting as a client (minting its key), or changing what it may do or whether it may (its
     * role, access level, custom roles, switching it on or off, revoking its keys), takes being
     * able to do everything it can, or {@code api_clients.manage} would lift a member to the
     * strongest client's rights: every workspace permission it holds, {@code shift.edit} on its
     * positions (as {@code master_task.create} there), {@code tasks.edit_all} for {@code global},
     * and in each project it is a member of, directly or through a team, what its role there allows.
     */
    private void requireMayActAs(WorkspacePrincipal principal, String clientId) {
        ApiClients.ApiClient client = find(principal.workspaceId(), clientId);
        needsToActAs(managing(principal), facts(principal.workspaceId(), clientId)).requireAll(actingAs(client));
    }

    private ApiClientFacts facts(String workspaceId, String clientId) {
        return (ApiClientFacts) authorization.principal(workspaceId, "api_client", clientId, CredentialState.ACTIVE)
                .orElseThrow(() -> ApiProblem.notFound("API client " + clientId));
    }

    /**
     * {@code api_clients.manage} as a write, beside the other needs: a {@code read} client holding
     * it learns at once that its level must rise, and how far the rest needs it to.
     */
    private Needs managing(WorkspacePrincipal principal) {
        return authorization.needs(principal).permission(WorkspacePermission.API_CLIENTS_MANAGE, null);
    }

    private Needs needsToActAs(Needs needs, ApiClientFacts client) {
        String workspaceId = needs.workspaceId();
        AccessLevel level = client.accessLevel();
        needs.permissions(effective(Arrays.stream(WorkspacePermission.values()).filter(client::holds).toList(),
                        level))
                .masterTasksFor(client.positionPermissions().keySet());
        needsToGrant(needs, level);
        for (String projectId : authorization.memberProjectIds(workspaceId, "api_client", client.id())) {
            ProjectRole role = authorization.project(workspaceId, client, projectId)
                    .map(project -> AccessPolicy.effectiveProjectRole(client, project)).orElse(null);
            if (role != null) {
                needs.inUnnamedProject(projectId, level == AccessLevel.READ ? Action.PROJECT_READ
                        : Needs.actionOnly(role));
            }
        }
        return needs;
    }

    private static String actingAs(ApiClients.ApiClient client) {
        return "Acting as API client " + client.name() + ", or changing what it may do, takes being able to do"
                + " everything it can, in each project it is a member of too";
    }


    /**
     * {@code global} makes a client at least an editor of every project, private ones included:
     * giving that reach takes {@code tasks.edit_all} workspace-wide, which makes its holder one (an
     * API client holds it so only when it is global itself: the core refuses it to one confined to
     * its member projects, so such a client cannot widen its own reach). The other levels
     * reach only the projects a client is made a member of, which their managers decide.
     */
    private static Needs needsToGrant(Needs needs, AccessLevel level) {
        return level != AccessLevel.GLOBAL ? needs : needs.permission(WorkspacePermission.TASKS_EDIT_ALL,
                "Access level global makes a client an editor of every project, so giving it, or acting as a client"
                        + " that has it, takes tasks.edit_all across the workspace");
    }

    private ApiClients.ApiClient find(String workspaceId, String clientId) {
        return clients.find(workspaceId, clientId).orElseThrow(() -> ApiProblem.notFound("API client " + clientId));
    }

    private ApiClientView view(ApiClients.ApiClient client) {
        return view(client, customRoles.assignedTo(client.workspaceId(), "api_client", client.id()));
    }

    private static ApiClientView view(ApiClients.ApiClient client, List<String> customRoleIds) {
        return new ApiClientView(client.id(), client.workspaceId(), client.name(), client.role(), customRoleIds,
                client.accessLevel(), client.active(), client.createdAt(), client.createdBy(), client.version());
    }

    private KeyView keyView(ApiKeys.ApiKey key) {
        Instant now = clock.instant();
        String status = key.revokedAt() != null ? "revoked"
                : key.expiresAt() != null && !now.isBefore(key.expiresAt()) ? "expired" : "active";
        return new KeyView(key.id(), key.apiClientId(), key.name(), ApiKeySecret.PREFIX + key.id(), key.createdAt(),
                key.createdBy(), key.expiresAt(), key.revokedAt(), key.lastUsedAt(), status);
    }
}
