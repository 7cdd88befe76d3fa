package io.taskgate.workspace;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

import io.taskgate.access.WorkspaceRole;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.OneOf;
import io.taskgate.web.Page;
import io.taskgate.web.Locations;
import io.taskgate.web.Versions;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/v1/workspaces")
public class WorkspaceController {

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    public record CreateWorkspace(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name) {
    }

    @Schema(name = "AddWorkspaceUser") // three features have a member: one name each in the OpenAPI document
    public record AddMember(
            @NotBlank(message = "is required") @Email(message = "is not an email address")
            @Size(max = 320, message = "must be at most 320 characters") String email,
            @Nullable @OneOf(WorkspaceRole.class) String role,
            @JsonSetter(contentNulls = Nulls.FAIL) @Nullable List<String> customRoleIds) {
    }

    @Schema(name = "ChangeWorkspaceUser") // three features have a member: one name each in the OpenAPI document
    record ChangeMember(@Nullable @OneOf(WorkspaceRole.class) String role,
            @JsonSetter(contentNulls = Nulls.FAIL) @Nullable List<String> customRoleIds, @Nullable Boolean active) {
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping
    ResponseEntity<WorkspaceService.WorkspaceView> create(Caller caller, @Valid @RequestBody CreateWorkspace request) {
        WorkspaceService.WorkspaceView workspace = workspaces.create(caller, request.name());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(workspace.version(), workspace.role()))
                .location(Locations.created(workspace.id())).body(workspace);
    }

    @GetMapping
    Page<WorkspaceService.WorkspaceView> listMine(Caller caller, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return workspaces.listMine(caller, cursor, limit);
    }

    @GetMapping("/{workspaceId}")
    ResponseEntity<WorkspaceService.WorkspaceView> get(Caller caller, @PathVariable String workspaceId) {
        WorkspaceService.WorkspaceView workspace = workspaces.get(caller, workspaceId);
        return ResponseEntity.ok().eTag(Versions.etag(workspace.version(), workspace.role())).body(workspace);
    }

    @GetMapping("/{workspaceId}/users")
    Page<WorkspaceService.MemberView> listMembers(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return workspaces.listMembers(caller, workspaceId, cursor, limit);
    }

    @GetMapping("/{workspaceId}/users/{userId}")
    ResponseEntity<WorkspaceService.MemberView> getMember(Caller caller, @PathVariable String workspaceId,
            @PathVariable String userId) {
        return answer(HttpStatus.OK, workspaces.getMember(caller, workspaceId, userId));
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/{workspaceId}/users")
    ResponseEntity<WorkspaceService.MemberView> addMember(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody AddMember request) {
        WorkspaceRole role = request.role() == null ? WorkspaceRole.MEMBER : workspaceRole(request.role());
        return answer(HttpStatus.CREATED, workspaces.addMember(caller, workspaceId, request.email(), role,
                request.customRoleIds() == null ? List.of() : request.customRoleIds()));
    }

    @PatchMapping("/{workspaceId}/users/{userId}")
    ResponseEntity<WorkspaceService.MemberView> changeMember(Caller caller, @PathVariable String workspaceId,
            @PathVariable String userId, @Valid @RequestBody ChangeMember request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        WorkspaceRole role = request.role() == null ? null : workspaceRole(request.role());
        return answer(HttpStatus.OK, workspaces.changeMember(caller, workspaceId, userId,
                new WorkspaceService.MemberChange(role, request.customRoleIds(), request.active()),
                Versions.ifMatch(ifMatch)));
    }

    private static ResponseEntity<WorkspaceService.MemberView> answer(HttpStatus status,
            WorkspaceService.MemberView member) {
        var answer = ResponseEntity.status(status).eTag(Versions.etag(member.version()));
        return (status == HttpStatus.CREATED ? answer.location(Locations.created(member.id())) : answer).body(member);
    }

    public static WorkspaceRole workspaceRole(String key) {
        return WorkspaceRole.fromKey(key).orElseThrow(
                () -> ApiProblem.invalid("role", "must be one of owner, admin, member, guest"));
    }
}
