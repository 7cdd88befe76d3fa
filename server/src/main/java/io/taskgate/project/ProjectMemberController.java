package io.taskgate.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.access.ProjectRole;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.FieldError;
import io.taskgate.web.JsonBody;
import io.taskgate.web.Page;
import io.taskgate.web.Locations;
import io.taskgate.web.UnstorableText;
import io.taskgate.web.Versions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/projects/{projectId}")
public class ProjectMemberController {

    private static final Set<String> PRINCIPAL_TYPES = Set.of("user", "api_client", "team");

    private final ProjectMemberService members;
    private final JsonMapper json;

    ProjectMemberController(ProjectMemberService members, JsonMapper json) {
        this.members = members;
        this.json = json;
    }

    @Schema(name = "AddProjectMember") // three features have a member: one name each in the OpenAPI document
    public record AddMember(@NotBlank(message = "is required") String principalType,
            @NotBlank(message = "is required") String principalId,
            @Nullable String role) {
    }

    @Schema(name = "ChangeProjectMember") // three features have a member: one name each in the OpenAPI document
    record ChangeMember(@NotBlank(message = "is required") String role) {
    }

    record AddTeamPeople(@Nullable Boolean addAsEditor) {
    }

    /** For the OpenAPI document: the body that replaces the whole membership (a bare array does too). */
    @Schema(name = "ProjectMembershipReplacement")
    record Replacement(List<AddMember> members) {
    }

    /** For the OpenAPI document: the membership a replacement answers, as a collection. */
    @Schema(name = "ProjectMembership")
    record Membership(List<ProjectMemberService.MemberView> items, @Nullable String nextCursor) {
    }

    @GetMapping("/members")
    Page<ProjectMemberService.MemberView> list(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return members.list(caller, workspaceId, projectId, cursor, limit);
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/members")
    ResponseEntity<ProjectMemberService.MemberView> add(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @Valid @RequestBody AddMember request) {
        return answer(HttpStatus.CREATED, members.add(caller, workspaceId, projectId, parse(request, "")));
    }

    @GetMapping("/members/{memberId}")
    ResponseEntity<ProjectMemberService.MemberView> get(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String memberId) {
        return answer(HttpStatus.OK, members.get(caller, workspaceId, projectId, memberId));
    }

    /**
     * With one member ({@code {principalType, principalId, role}}, as PRODUCT.md shows the body):
     * that principal gets that role, added if need be (201) or changed (200), idempotently.
     * With an array of members, or an object holding it as {@code members}: a bulk replace, the
     * body's members become the project's whole membership.
     */
    @Operation(summary = "Give one principal a role, or replace the whole membership",
            description = "One member (`{principalType, principalId, role}`): added (201) or its role changed (200)."
                    + " An array of members, or `{members: [...]}`: they become the whole membership (200, the new"
                    + " membership).",
            responses = {
                @ApiResponse(responseCode = "200", description = "The member whose role was set, or the new membership",
                        content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {
                            ProjectMemberService.MemberView.class, Membership.class}))),
                @ApiResponse(responseCode = "201", description = "The member added",
                        content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ProjectMemberService.MemberView.class)))})
    @PutMapping("/members")
    ResponseEntity<?> put(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(oneOf = {
                AddMember.class, Replacement.class})))
            @RequestBody JsonNode body, @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        if (body.isObject() && !body.has("members") && body.has("principalId")) {
            AddMember member;
            try {
                member = json.treeToValue(body, AddMember.class);
            } catch (UnstorableText e) {
                throw e.problem("");
            } catch (JacksonException e) {
                throw ApiProblem.of(HttpStatus.BAD_REQUEST, "wrong_json_type",
                        "The member must be an object of strings {principalType, principalId, role}");
            }
            ProjectMemberService.Put put = members.put(caller, workspaceId, projectId, parse(member, ""),
                    Versions.ifMatch(ifMatch));
            return answer(put.created() ? HttpStatus.CREATED : HttpStatus.OK, put.member());
        }
        if (Versions.ifMatch(ifMatch) != null) {
            // RFC 9110: If-Match is false when no current representation has a listed tag, and a
            // whole membership has none (its members each have theirs). Refused, not ignored.
            throw Versions.preconditionFailed().with("errors", List.of(new FieldError("If-Match",
                    "the list form replaces the whole membership, which has no version; send If-Match with one member")));
        }
        return ResponseEntity.ok(replace(caller, workspaceId, projectId, body));
    }

    private Page<ProjectMemberService.MemberView> replace(Caller caller, String workspaceId, String projectId,
            JsonNode body) {
        JsonNode list = body.isArray() ? body : body.path("members");
        if (!list.isArray() && !list.isMissingNode() && !list.isNull()) {
            throw JsonBody.wrongType("members", "an array of {principalType, principalId, role}");
        }
        if (!list.isArray()) {
            throw ApiProblem.invalid("members", "is required: an array of {principalType, principalId, role}");
        }
        List<ProjectMemberService.NewMember> parsed = new ArrayList<>();
        List<FieldError> invalidFields = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            AddMember member;
            try {
                member = json.treeToValue(list.get(i), AddMember.class);
            } catch (UnstorableText e) {
                throw e.problem("members[" + i + "].");
            } catch (JacksonException e) {
                throw ApiProblem.of(HttpStatus.BAD_REQUEST, "wrong_json_type",
                        "'members[" + i + "]' must be an object of strings {principalType, principalId, role}");
            }
            try {
                parsed.add(parse(member, "members[" + i + "]."));
            } catch (ApiProblem invalid) {
                // One 422 names every invalid member, not only the first.
                if (!(invalid.properties().get("errors") instanceof List<?> errors)) {
                    throw invalid;
                }
                errors.forEach(error -> invalidFields.add((FieldError) error));
            }
        }
        if (!invalidFields.isEmpty()) {
            throw ApiProblem.invalid(invalidFields);
        }
        return new Page<>(members.replace(caller, workspaceId, projectId, parsed), null);
    }

    @PatchMapping("/members/{memberId}")
    ResponseEntity<ProjectMemberService.MemberView> changeRole(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String memberId,
            @Valid @RequestBody ChangeMember request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(HttpStatus.OK, members.changeRole(caller, workspaceId, projectId, memberId,
                role(request.role(), "role"), Versions.ifMatch(ifMatch)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/members/{memberId}")
    ResponseEntity<Void> remove(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String memberId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        members.remove(caller, workspaceId, projectId, memberId, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/member-candidates")
    Page<ProjectMemberService.CandidateView> candidates(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return members.candidates(caller, workspaceId, projectId, cursor, limit);
    }

    @PostMapping("/teams/{teamId}/members")
    ProjectMemberService.TeamEnrolmentResult addTeamPeople(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String teamId,
            @RequestBody(required = false) @Nullable AddTeamPeople request) {
        boolean addAsEditor = request != null && Boolean.TRUE.equals(request.addAsEditor());
        return members.addTeamPeople(caller, workspaceId, projectId, teamId, addAsEditor);
    }

    private static ResponseEntity<ProjectMemberService.MemberView> answer(HttpStatus status,
            ProjectMemberService.MemberView member) {
        var answer = ResponseEntity.status(status).eTag(Versions.etag(member.version()));
        // POST and PUT both answer at …/members: the new member is read at …/members/{principalId}.
        return (status == HttpStatus.CREATED ? answer.location(Locations.created(member.principalId())) : answer)
                .body(member);
    }

    public static ProjectMemberService.NewMember parse(@Nullable AddMember member, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (member == null) {
            throw ApiProblem.invalid(prefix.isEmpty() ? "member" : prefix.substring(0, prefix.length() - 1),
                    "is required");
        }
        if (member.principalType() == null || !PRINCIPAL_TYPES.contains(member.principalType())) {
            errors.add(new FieldError(prefix + "principalType", "must be one of user, api_client, team"));
        }
        if (member.principalId() == null || member.principalId().isBlank()) {
            errors.add(new FieldError(prefix + "principalId", "is required"));
        }
        ProjectRole role = ProjectRole.GUEST;
        if (member.role() == null) {
            errors.add(new FieldError(prefix + "role", "is required"));
        } else {
            var parsed = ProjectRole.fromKey(member.role());
            if (parsed.isEmpty()) {
                errors.add(new FieldError(prefix + "role", ROLE_VOCABULARY));
            } else {
                role = parsed.get();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new ProjectMemberService.NewMember(member.principalType(), member.principalId(), role);
    }

    private static final String ROLE_VOCABULARY = "must be one of guest, collaborator, creator, editor, manager";

    private static ProjectRole role(String key, String field) {
        return ProjectRole.fromKey(key).orElseThrow(() -> ApiProblem.invalid(field, ROLE_VOCABULARY));
    }
}
