package io.taskgate.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.Action;
import io.taskgate.access.PositionsResource;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceResource;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.Needs;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.support.AccessFactChanges;
import io.taskgate.web.ApiProblem;

/**
 * Which custom roles a user or API client holds, shared by the people and the API-client
 * features; and the cleanup other features owe custom roles when something they refer to goes.
 */
@Component
public class CustomRoles {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;
    private final Authorization authorization;

    CustomRoles(JdbcClient jdbc, Authorization authorization, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
        this.authorization = authorization;
    }

    /**
     * Makes {@code roleIds} the principal's exact set of custom roles. An id that is not a
     * custom role of this workspace answers 404 naming {@code customRoleIds}, and changes nothing.
     * Giving or taking a role is granting or revoking what it grants, so the actor must hold
     * every workspace permission of each role added or removed, and be allowed to make master tasks
     * for each position one grants {@code shift.edit} on (one 403 naming all that is missing);
     * roles the principal keeps are not re-examined.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceAssignments(WorkspacePrincipal actor, String principalType, String principalId,
            List<String> roleIds) {
        String workspaceId = actor.workspaceId();
        Set<String> wanted = new LinkedHashSet<>(roleIds);
        needsToAssign(authorization.needs(actor), principalType, principalId, roleIds).requireAll(GIVING);
        accessFacts.in(workspaceId);
        jdbc.sql("""
                delete from principal_custom_role
                 where workspace_id = :ws and principal_type = :type and principal_id = :id
                """)
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .update();
        for (String roleId : wanted) {
            jdbc.sql("""
                    insert into principal_custom_role (workspace_id, principal_type, principal_id, role_id)
                    values (:ws, :type, :id, :roleId)
                    """)
                    .param("ws", workspaceId)
                    .param("type", principalType)
                    .param("id", principalId)
                    .param("roleId", roleId)
                    .update();
        }
    }

    private static final String GIVING = "Giving or taking custom roles is granting or revoking what they grant,"
            + " which takes holding it";

    /**
     * Adds to {@code needs} what making {@code roleIds} the principal's exact set of custom roles
     * takes: holding what each role added or removed grants. An id that is not a custom role of
     * this workspace answers 404 naming {@code customRoleIds}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Needs needsToAssign(Needs needs, String principalType, String principalId, List<String> roleIds) {
        String workspaceId = needs.workspaceId();
        Set<String> wanted = requireExisting(workspaceId, roleIds);
        Set<String> changed = new HashSet<>(wanted);
        for (String current : assignedTo(workspaceId, principalType, principalId)) {
            if (!changed.remove(current)) {
                changed.add(current);
            }
        }
        return needsOf(needs, changed);
    }

    /** What giving a newcomer {@code roleIds} takes: holding what each grants (404 for an unknown id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Needs needsToGive(Needs needs, List<String> roleIds) {
        return needsOf(needs, requireExisting(needs.workspaceId(), roleIds));
    }

    /** The ids, each once, when each is a custom role of the workspace; else 404 naming {@code customRoleIds[i]}. */
    private Set<String> requireExisting(String workspaceId, List<String> roleIds) {
        Set<String> wanted = new LinkedHashSet<>(roleIds);
        if (!wanted.isEmpty()) {
            Set<String> existing = new HashSet<>(jdbc.sql(
                    "select id from custom_role where workspace_id = :ws and id in (:ids)")
                    .param("ws", workspaceId)
                    .param("ids", wanted)
                    .query(String.class)
                    .list());
            for (int i = 0; i < roleIds.size(); i++) {
                if (!existing.contains(roleIds.get(i))) {
                    throw ApiProblem.referenceNotFound("customRoleIds[" + i + "]", roleIds.get(i));
                }
            }
        }
        return wanted;
    }

    /**
     * Switching a principal off (or on again) takes, or gives back, all its custom roles grant:
     * the actor must hold all of it, as for taking the roles away one by one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireMayTakeAllFrom(WorkspacePrincipal actor, String principalType, String principalId) {
        needsToTakeAllFrom(authorization.needs(actor), principalType, principalId).requireAll(GIVING);
    }

    /** Adds to {@code needs} what {@link #requireMayTakeAllFrom} requires. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Needs needsToTakeAllFrom(Needs needs, String principalType, String principalId) {
        return needsOf(needs, new HashSet<>(assignedTo(needs.workspaceId(), principalType, principalId)));
    }

    private Needs needsOf(Needs needs, Set<String> roleIds) {
        if (roleIds.isEmpty()) {
            return needs;
        }
        return needs.permissions(permissionsGrantedBy(needs.workspaceId(), roleIds).stream()
                        .flatMap(granted -> WorkspacePermission.fromKey(granted.getValue()).stream()).toList())
                .masterTasksFor(shiftEditPositionsOf(needs.workspaceId(), roleIds).stream().map(Map.Entry::getValue)
                        .toList());
    }

    /**
     * The roles among {@code roleIds} the actor may give or take, by the rule
     * {@link #replaceAssignments} enforces, so a form offers only what will be accepted. Two
     * queries for all of them: what each grants, and where each grants {@code shift.edit}.
     */
    public Set<String> givableBy(WorkspacePrincipal actor, Collection<String> roleIds) {
        if (roleIds.isEmpty()) {
            return Set.of();
        }
        Set<String> refused = new HashSet<>();
        permissionsGrantedBy(actor.workspaceId(), roleIds).forEach(granted -> WorkspacePermission
                .fromKey(granted.getValue())
                .filter(permission -> !authorization.decide(actor, Action.of(permission), WorkspaceResource.INSTANCE)
                        .allowed())
                .ifPresent(lacking -> refused.add(granted.getKey())));
        shiftEditPositionsOf(actor.workspaceId(), roleIds).forEach(granted -> {
            if (!authorization.decide(actor, Action.MASTER_TASK_CREATE,
                    new PositionsResource(List.of(granted.getValue()))).allowed()) {
                refused.add(granted.getKey());
            }
        });
        return roleIds.stream().filter(roleId -> !refused.contains(roleId)).collect(Collectors.toUnmodifiableSet());
    }

    /** The workspace permissions the roles grant together: what a principal holding them all would hold. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<WorkspacePermission> permissionsOf(String workspaceId, Collection<String> roleIds) {
        if (roleIds.isEmpty()) {
            return Set.of();
        }
        return permissionsGrantedBy(workspaceId, roleIds).stream()
                .flatMap(granted -> WorkspacePermission.fromKey(granted.getValue()).stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Each permission key each role grants, as (role id, permission key). */
    private List<Map.Entry<String, String>> permissionsGrantedBy(String workspaceId, Collection<String> roleIds) {
        return jdbc.sql("select role_id, permission from custom_role_permission where workspace_id = :ws and role_id in (:ids)")
                .param("ws", workspaceId)
                .param("ids", roleIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Each position each role grants shift.edit on, as (role id, position id). */
    private List<Map.Entry<String, String>> shiftEditPositionsOf(String workspaceId, Collection<String> roleIds) {
        return jdbc.sql("""
                select role_id, position_id from custom_role_position_permission
                 where workspace_id = :ws and role_id in (:ids)
                """)
                .param("ws", workspaceId)
                .param("ids", roleIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> assignedTo(String workspaceId, String principalType, String principalId) {
        return assignedTo(workspaceId, principalType, List.of(principalId)).getOrDefault(principalId, List.of());
    }

    /** The custom role ids of each of a page of principals, in one query. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, List<String>> assignedTo(String workspaceId, String principalType,
            Collection<String> principalIds) {
        if (principalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> roleIds = new HashMap<>();
        jdbc.sql("""
                select principal_id, role_id from principal_custom_role
                 where workspace_id = :ws and principal_type = :type and principal_id in (:ids)
                 order by role_id
                """)
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("ids", principalIds)
                .query(rs -> {
                    roleIds.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return roleIds;
    }

    /**
     * Drops every custom-role permission on a position that is being deleted, in the deletion's
     * transaction: a role must not keep granting {@code shift.edit} on a position that no longer exists.
     * The roles that lose a grant are thereby changed, so they get a new version (and ETag).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetPosition(String workspaceId, String positionId) {
        accessFacts.in(workspaceId);
        jdbc.sql("""
                update custom_role set version = version + 1
                 where workspace_id = :ws
                   and id in (select role_id from custom_role_position_permission
                               where workspace_id = :ws and position_id = :positionId)
                """)
                .param("ws", workspaceId)
                .param("positionId", positionId)
                .update();
        jdbc.sql("delete from custom_role_position_permission where workspace_id = :ws and position_id = :positionId")
                .param("ws", workspaceId)
                .param("positionId", positionId)
                .update();
    }
}
