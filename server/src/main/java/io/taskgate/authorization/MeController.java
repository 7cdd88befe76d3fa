package io.taskgate.authorization;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.identity.Caller;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who am I, and what may I do here: the introspection endpoints every integrator starts with. */
@RestController
class MeController {

    private final Authorization authorization;

    MeController(Authorization authorization) {
        this.authorization = authorization;
    }

    /** Who is calling: a person ({@code email}), or an API client (its workspace, role, level and key). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(String id, String type, String name, @Nullable String email, @Nullable String workspaceId,
            @Nullable String role, @Nullable String accessLevel, @Nullable String keyId) {
    }

    @GetMapping("/api/v1/me")
    Me me(Caller caller) {
        return switch (caller) {
            case Caller.User user -> new Me(user.id(), user.type(), user.name(), user.email(), null, null, null, null);
            case Caller.ApiClient client -> {
                WorkspacePrincipal principal = authorization.enter(client, client.workspaceId());
                yield new Me(client.id(), client.type(), client.name(), null, client.workspaceId(),
                        principal.roleKey(), ((ApiClientFacts) principal.facts()).accessLevel().key(), client.keyId());
            }
        };
    }

    record PositionPermissions(String positionId, List<String> permissions) {
    }

    record Permissions(String workspaceId, String principalType, String principalId, String role,
            List<String> permissions, List<PositionPermissions> positionPermissions, List<String> managedPositionIds,
            List<String> teamIds, String accessLevel) {
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/me/permissions")
    Permissions permissions(Caller caller, @PathVariable String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        var facts = principal.facts();
        List<String> permissions = java.util.Arrays.stream(WorkspacePermission.values())
                .filter(facts::holds)
                .map(WorkspacePermission::key)
                .toList();
        List<PositionPermissions> positions = facts.positionPermissions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new PositionPermissions(entry.getKey(),
                        entry.getValue().stream().map(p -> p.key()).sorted().toList()))
                .toList();
        // A person acts with full reach in their workspace; only API clients are narrowed by a level.
        String accessLevel = facts instanceof ApiClientFacts client ? client.accessLevel().key()
                : AccessLevel.GLOBAL.key();
        return new Permissions(workspaceId, caller.type(), caller.id(), facts.workspaceRole().key(), permissions,
                positions, facts.managedPositionIds().stream().sorted().toList(),
                facts.teamIds().stream().sorted().toList(), accessLevel);
    }
}
