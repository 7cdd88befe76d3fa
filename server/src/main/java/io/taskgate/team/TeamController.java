package io.taskgate.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import io.taskgate.access.PrincipalType;
import io.taskgate.identity.Caller;
import io.taskgate.team.TeamService.MemberView;
import io.taskgate.team.TeamService.TeamView;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Page;
import io.taskgate.web.Locations;
import io.taskgate.web.Versions;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/teams")
public class TeamController {

    private final TeamService service;

    TeamController(TeamService service) {
        this.service = service;
    }

    public record NameTeam(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name) {
    }

    @Schema(name = "AddTeamMember") // three features have a member: one name each in the OpenAPI document
    public record AddMember(@NotBlank(message = "is required") String principalType,
            @NotBlank(message = "is required") String principalId) {
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping
    ResponseEntity<TeamView> create(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody NameTeam request) {
        return answer(HttpStatus.CREATED, service.create(caller, workspaceId, request.name()));
    }

    @GetMapping
    Page<TeamView> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return service.list(caller, workspaceId, cursor, limit);
    }

    @GetMapping("/{teamId}")
    ResponseEntity<TeamView> get(Caller caller, @PathVariable String workspaceId, @PathVariable String teamId) {
        return answer(HttpStatus.OK, service.get(caller, workspaceId, teamId));
    }

    /** The name is the only thing a team has to change; it is therefore required here too. */
    @PatchMapping("/{teamId}")
    ResponseEntity<TeamView> rename(Caller caller, @PathVariable String workspaceId, @PathVariable String teamId,
            @Valid @RequestBody NameTeam request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(HttpStatus.OK, service.rename(caller, workspaceId, teamId, request.name(),
                Versions.ifMatch(ifMatch)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{teamId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId, @PathVariable String teamId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        service.delete(caller, workspaceId, teamId, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{teamId}/members")
    Page<MemberView> listMembers(Caller caller, @PathVariable String workspaceId, @PathVariable String teamId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return service.listMembers(caller, workspaceId, teamId, cursor, limit);
    }

    @PostMapping("/{teamId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    MemberView addMember(Caller caller, @PathVariable String workspaceId, @PathVariable String teamId,
            @Valid @RequestBody AddMember request) {
        PrincipalType type = PrincipalType.fromKey(request.principalType())
                .orElseThrow(() -> ApiProblem.invalid("principalType", "must be one of user, api_client"));
        return service.addMember(caller, workspaceId, teamId, type, request.principalId());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{teamId}/members/{principalId}")
    ResponseEntity<Void> removeMember(Caller caller, @PathVariable String workspaceId, @PathVariable String teamId,
            @PathVariable String principalId) {
        service.removeMember(caller, workspaceId, teamId, principalId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TeamView> answer(HttpStatus status, TeamView team) {
        var answer = ResponseEntity.status(status).eTag(Versions.etag(team.version()));
        return (status == HttpStatus.CREATED ? answer.location(Locations.created(team.id())) : answer).body(team);
    }
}
