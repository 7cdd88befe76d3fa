package io.taskgate.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.PositionPermission;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.KnownPositions;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;

/**
 * Use cases of roles: every member may read the built-in and custom roles; changing a custom
 * role takes {@code members.manage} and holding every workspace permission it grants, so that
 * nobody can mint a role stronger than themselves.
 */
@Service
public class CustomRoleService {

    private final CustomRoleStore roles;
    private final KnownPositions positions;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomRoleService(CustomRoleStore roles, KnownPositions positions, Authorization authorization, AuditLog audit,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.roles = roles;
        this.positions = positions;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    public record PositionPermissionsView(String positionId, List<String> permissions) {
    }

    /**
     * A built-in role is named by its key, which is also its id; it has no creation time, and its
     * version is always {@value #BUILT_IN_VERSION} because it cannot be changed.
     */
    public record RoleView(String id, String name, boolean builtIn, List<String> permissions,
            List<PositionPermissionsView> positionPermissions, @Nullable Instant createdAt, long version) {
    }

    /** How many people and API clients hold a custom role: whom deleting it reaches. */
    public record Holders(int people, int apiClients) {

        static final Holders NONE = new Holders(0, 0);
    }

    static final long BUILT_IN_VERSION = 1;

    public record RoleDefinition(String name, Set<WorkspacePermission> permissions,
            Map<String, Set<PositionPermission>> positionPermissions) {
    }

    /** Null fields stay as they are. */
    public record RoleChange(@Nullable String name, @Nullable Set<WorkspacePermission> permissions,
            @Nullable Map<String, Set<PositionPermission>> positionPermissions) {
    }

    /** The built-in roles first (on the first page), then the custom ones in creation order. */
    @Transactional(readOnly = true)
    public Page<RoleView> list(Caller caller, String workspaceId, @Nullable String cursor, @Nullable Integer limit) {
        authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        // The built-in roles' ids are their keys ("member"), the custom ones' are "role_…".
        String after = Cursors.decode(cursor, id -> id.startsWith("role_") || WorkspaceRole.fromKey(id).isPresent());
        List<WorkspaceRole> builtIns = Arrays.asList(WorkspaceRole.values());
        Optional<WorkspaceRole> afterBuiltIn = after == null ? Optional.empty() : WorkspaceRole.fromKey(after);
        List<RoleView> rows = new ArrayList<>();
        if (after == null || afterBuiltIn.isPresent()) {
            int from = afterBuiltIn.map(role -> builtIns.indexOf(role) + 1).orElse(0);
            builtIns.subList(from, builtIns.size()).stream().limit(size + 1L).map(CustomRoleService::view)
                    .forEach(rows::add);
        }
        if (rows.size() <= size) {
            String customAfter = after == null || afterBuiltIn.isPresent() ? null : after;
            roles.list(workspaceId, customAfter, size + 1 - rows.size()).stream().map(CustomRoleService::view)
                    .forEach(rows::add);
        }
        return Page.fromOverfetch(rows, size, RoleView::id);
    }

    /**
     * The holders of each custom role of the workspace that anybody holds, counted in one query;
     * for whoever may change roles ({@code members.manage}), who is about to delete one.
     */
    @Transactional(readOnly = true)
    public Map<String, Holders> holders(Caller caller, String workspaceId) {
        writer(caller, workspaceId);
        return roles.holders(workspaceId);
    }

    @Transactional(readOnly = true)
    public RoleView get(Caller caller, String workspaceId, String roleId) {
        authorization.enter(caller, workspaceId);
        Optional<WorkspaceRole> builtIn = WorkspaceRole.fromKey(roleId);
        return builtIn.isPresent() ? view(builtIn.get()) : view(find(workspaceId, roleId));
    }

    @Transactional
    public RoleView create(Caller caller, String workspaceId, RoleDefinition definition) {
        WorkspacePrincipal principal = writer(caller, workspaceId);
        requireKnownPositions(workspaceId, definition.positionPermissions());
        requireMayGrant(principal, definition.permissions(), shiftEditPositions(definition.positionPermissions()));
        String name = definition.name().trim();
        requireFreeName(workspaceId, name, null);
        var role = new CustomRoleStore.CustomRole(workspaceId, Ids.next("role", clock), name,
                definition.permissions(), definition.positionPermissions(), clock.instant(), 1);
        try {
            roles.insert(role);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        audit.record(workspaceId, caller, "role.created", "custom_role", role.id(), details(role));
        return view(role);
    }

    /** {@code expectedVersion} is the version named by {@code If-Match}, or null when there is none. */
    @Transactional
    public RoleView change(Caller caller, String workspaceId, String roleId, RoleChange change,
            @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = writer(caller, workspaceId);
        CustomRoleStore.CustomRole current = findChangeable(workspaceId, roleId);
        var changed = new CustomRoleStore.CustomRole(workspaceId, roleId,
                change.name() == null ? current.name() : change.name().trim(),
                change.permissions() == null ? current.permissions() : change.permissions(),
                change.positionPermissions() == null ? current.positionPermissions() : change.positionPermissions(),
                current.createdAt(), current.version() + 1);
        if (change.positionPermissions() != null) {
            requireKnownPositions(workspaceId, change.positionPermissions());
        }
        // Taking a permission away from others' role is as strong an act as granting it: what the
        // role grants before and after, all of it, in one refusal naming every lack.
        Set<WorkspacePermission> permissions = new HashSet<>(current.permissions());
        permissions.addAll(changed.permissions());
        Set<String> shiftEditPositions = new HashSet<>(shiftEditPositions(current.positionPermissions()));
        shiftEditPositions.addAll(shiftEditPositions(changed.positionPermissions()));
        requireMayGrant(principal, permissions, shiftEditPositions);
        Versions.requireCurrent(expectedVersion, current.version());
        if (changed.name().equals(current.name()) && changed.permissions().equals(current.permissions())
                && changed.positionPermissions().equals(current.positionPermissions())) {
            // Nothing to write: the version (so the ETag) stays, and no event says something changed.
            return view(current);
        }
        if (!changed.name().equals(current.name())) {
            requireFreeName(workspaceId, changed.name(), roleId);
        }
        boolean updated;
        try {
            updated = roles.update(changed, current.version());
        } catch (DuplicateKeyException e) {
            throw nameTaken(changed.name());
        }
        if (!updated) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "role.updated", "custom_role", roleId, details(changed));
        return view(changed);
    }

    /** Whoever held the role loses what it granted, at once: its assignments go with it. */
    @Transactional
    public void delete(Caller caller, String workspaceId, String roleId, @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = writer(caller, workspaceId);
        CustomRoleStore.CustomRole current = findChangeable(workspaceId, roleId);
        requireMayGrant(principal, current.permissions(), shiftEditPositions(current.positionPermissions()));
        Versions.requireCurrent(expectedVersion, current.version());
        // Before the delete cascades to the assignments, while the holders can still be found (a
        // lost race below rolls this back with the rest).
        events.publishEvent(new CustomRoleDeleting(workspaceId, roleId));
        if (!roles.delete(workspaceId, roleId, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "role.deleted", "custom_role", roleId, "name=" + current.name());
    }

    /**
     * The caller, when it holds {@code members.manage}; a {@code read} API client holding it passes
     * here and is refused with everything else the change needs ({@link #requireMayGrant}).
     */
    private WorkspacePrincipal writer(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireToRead(principal, WorkspacePermission.MEMBERS_MANAGE);
        return principal;
    }

    private static List<String> shiftEditPositions(Map<String, Set<PositionPermission>> positionPermissions) {
        return positionPermissions.entrySet().stream()
                .filter(granted -> granted.getValue().contains(PositionPermission.SHIFT_EDIT))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Granting (or taking away) a role's permissions takes holding them, and its {@code shift.edit}
     * on a position takes being allowed to make master tasks for it, as the role would allow.
     */
    private void requireMayGrant(WorkspacePrincipal principal, Set<WorkspacePermission> permissions,
            Collection<String> shiftEditPositions) {
        authorization.needs(principal).permission(WorkspacePermission.MEMBERS_MANAGE, null).permissions(permissions)
                .masterTasksFor(shiftEditPositions)
                .requireAll(principal.facts().describe() + " may not grant what it does not hold: a role's"
                        + " permissions take holding them, and its shift.edit on a position takes being allowed to"
                        + " make master tasks for it");
    }

    private void requireKnownPositions(String workspaceId, Map<String, Set<PositionPermission>> grants) {
        Set<String> existing = positions.existing(workspaceId, grants.keySet());
        for (String positionId : grants.keySet()) {
            if (!existing.contains(positionId)) {
                throw ApiProblem.referenceNotFound("positionPermissions", positionId);
            }
        }
    }

    /**
     * Asked of a new name only: a role named before the built-in names were reserved keeps its
     * name through changes of its permissions.
     */
    private void requireFreeName(String workspaceId, String name, @Nullable String exceptId) {
        // The built-in roles are listed beside the custom ones: a custom "Owner" would pass for one of them.
        boolean builtInName = Arrays.stream(WorkspaceRole.values())
                .anyMatch(role -> role.key().equalsIgnoreCase(name.strip()));
        if (builtInName || roles.nameTaken(workspaceId, name, exceptId)) {
            throw nameTaken(name);
        }
    }

    private static ApiProblem nameTaken(String name) {
        return ApiProblem.conflict("role_name_taken", "A role named '" + name + "' already exists in this workspace");
    }

    private CustomRoleStore.CustomRole find(String workspaceId, String roleId) {
        return roles.find(workspaceId, roleId).orElseThrow(() -> ApiProblem.notFound("Role " + roleId));
    }

    private CustomRoleStore.CustomRole findChangeable(String workspaceId, String roleId) {
        if (WorkspaceRole.fromKey(roleId).isPresent()) {
            throw ApiProblem.conflict("built_in_role",
                    "The built-in role " + roleId + " cannot be changed; create a custom role instead");
        }
        return find(workspaceId, roleId);
    }

    private static String details(CustomRoleStore.CustomRole role) {
        return "name=" + role.name() + ",permissions=" + role.permissions().stream().map(WorkspacePermission::key)
                .toList() + ",positions=" + role.positionPermissions().size();
    }

    private static RoleView view(WorkspaceRole role) {
        return new RoleView(role.key(), role.key(), true, keys(role.permissions()), List.of(), null,
                BUILT_IN_VERSION);
    }

    private static RoleView view(CustomRoleStore.CustomRole role) {
        List<PositionPermissionsView> positions = role.positionPermissions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new PositionPermissionsView(entry.getKey(),
                        entry.getValue().stream().map(PositionPermission::key).sorted().toList()))
                .toList();
        return new RoleView(role.id(), role.name(), false, keys(role.permissions()), positions, role.createdAt(),
                role.version());
    }

    /** In catalog order, whatever order they were given in. */
    private static List<String> keys(Set<WorkspacePermission> permissions) {
        return Arrays.stream(WorkspacePermission.values()).filter(permissions::contains)
                .map(WorkspacePermission::key).toList();
    }
}
