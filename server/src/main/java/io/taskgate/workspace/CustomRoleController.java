package io.taskgate.workspace;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.access.PositionPermission;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Page;
import io.taskgate.web.Locations;
import io.taskgate.web.Versions;
import io.taskgate.workspace.CustomRoleService.RoleView;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/roles")
public class CustomRoleController {

    private static final String CATALOG = String.join(", ",
            EnumSet.allOf(WorkspacePermission.class).stream().map(WorkspacePermission::key).toList());

    private final CustomRoleService service;

    CustomRoleController(CustomRoleService service) {
        this.service = service;
    }

    public record PositionGrant(@NotBlank(message = "is required") String positionId,
            @NotEmpty(message = "must name at least one permission") List<String> permissions) {
    }

    public record CreateRole(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
            @Nullable List<String> permissions,
            @Nullable @Size(max = 200, message = "must have at most 200 entries")
            List<@Valid PositionGrant> positionPermissions) {
    }

    public record ChangeRole(@Nullable @Size(max = 100, message = "must be at most 100 characters") String name,
            @Nullable List<String> permissions,
            @Nullable @Size(max = 200, message = "must have at most 200 entries")
            List<@Valid PositionGrant> positionPermissions) {
    }

    @GetMapping
    Page<RoleView> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return service.list(caller, workspaceId, cursor, limit);
    }

    @GetMapping("/{roleId}")
    ResponseEntity<RoleView> get(Caller caller, @PathVariable String workspaceId, @PathVariable String roleId) {
        return answer(HttpStatus.OK, service.get(caller, workspaceId, roleId));
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping
    ResponseEntity<RoleView> create(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody CreateRole request) {
        List<PositionGrant> grants = request.positionPermissions() == null ? List.of() : request.positionPermissions();
        return answer(HttpStatus.CREATED, service.create(caller, workspaceId,
                new CustomRoleService.RoleDefinition(request.name(),
                        permissions(request.permissions() == null ? List.of() : request.permissions()),
                        positionPermissions(grants))));
    }

    @PatchMapping("/{roleId}")
    ResponseEntity<RoleView> change(Caller caller, @PathVariable String workspaceId, @PathVariable String roleId,
            @Valid @RequestBody ChangeRole request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        if (request.name() != null && request.name().isBlank()) {
            throw ApiProblem.invalid("name", "must not be blank");
        }
        return answer(HttpStatus.OK, service.change(caller, workspaceId, roleId,
                new CustomRoleService.RoleChange(request.name(),
                        request.permissions() == null ? null : permissions(request.permissions()),
                        request.positionPermissions() == null ? null
                                : positionPermissions(request.positionPermissions())),
                Versions.ifMatch(ifMatch)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{roleId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId, @PathVariable String roleId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        service.delete(caller, workspaceId, roleId, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<RoleView> answer(HttpStatus status, RoleView role) {
        var answer = ResponseEntity.status(status).eTag(Versions.etag(role.version()));
        return (status == HttpStatus.CREATED ? answer.location(Locations.created(role.id())) : answer).body(role);
    }

    public static Set<WorkspacePermission> permissions(List<@Nullable String> keys) {
        Set<WorkspacePermission> permissions = EnumSet.noneOf(WorkspacePermission.class);
        for (int i = 0; i < keys.size(); i++) {
            String key = String.valueOf(keys.get(i));
            String field = "permissions[" + i + "]";
            permissions.add(WorkspacePermission.fromKey(key).orElseThrow(() -> ApiProblem.invalid(
                    field, "'" + key + "' is not a workspace permission; the catalog is " + CATALOG)));
        }
        return permissions;
    }

    /** Entries naming the same position twice are merged. */
    public static Map<String, Set<PositionPermission>> positionPermissions(List<PositionGrant> grants) {
        Map<String, Set<PositionPermission>> byPosition = new TreeMap<>();
        for (int i = 0; i < grants.size(); i++) {
            PositionGrant grant = grants.get(i);
            String field = "positionPermissions[" + i + "].permissions";
            for (String key : grant.permissions()) {
                PositionPermission permission = PositionPermission.fromKey(String.valueOf(key)).orElseThrow(
                        () -> ApiProblem.invalid(field, "'" + key + "' is not a position permission; use shift.edit"));
                byPosition.computeIfAbsent(grant.positionId(), id -> EnumSet.noneOf(PositionPermission.class))
                        .add(permission);
            }
        }
        return byPosition;
    }
}
