package io.taskgate.project;

import java.net.URI;

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

import io.taskgate.access.Visibility;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.OneOf;
import io.taskgate.web.Page;
import io.taskgate.web.Versions;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
public class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    public record CreateProject(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @Nullable @OneOf(Visibility.class) String visibility,
            @Nullable @Size(max = 2000, message = "must be at most 2000 characters") String description) {
    }

    public record ChangeProject(
            @Nullable @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
            @Nullable @OneOf(Visibility.class) String visibility,
            @Nullable @Size(max = 2000, message = "must be at most 2000 characters") String description) {
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/projects")
    ResponseEntity<ProjectService.ProjectView> create(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody CreateProject request) {
        Visibility visibility = request.visibility() == null ? Visibility.PRIVATE : visibility(request.visibility());
        ProjectService.ProjectView project = projects.create(caller, workspaceId,
                new ProjectService.NewProject(request.name(), request.description(), visibility));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/workspaces/" + workspaceId + "/projects/" + project.id()))
                .eTag(Versions.etag(project.version(), project.myRole()))
                .body(project);
    }

    @GetMapping("/projects")
    Page<ProjectService.ProjectView> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return projects.list(caller, workspaceId, cursor, limit);
    }

    @GetMapping("/me/projects")
    Page<ProjectService.ProjectView> listMine(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return projects.listMine(caller, workspaceId, cursor, limit);
    }

    @GetMapping("/projects/{projectId}")
    ResponseEntity<ProjectService.ProjectView> get(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId) {
        ProjectService.ProjectView project = projects.get(caller, workspaceId, projectId);
        return ResponseEntity.ok().eTag(Versions.etag(project.version(), project.myRole())).body(project);
    }

    @PatchMapping("/projects/{projectId}")
    ResponseEntity<ProjectService.ProjectView> change(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @Valid @RequestBody ChangeProject request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        ProjectService.ProjectView project = projects.change(caller, workspaceId, projectId,
                new ProjectService.ProjectChange(request.name(), request.description(),
                        request.visibility() == null ? null : visibility(request.visibility())),
                Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(project.version(), project.myRole())).body(project);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/projects/{projectId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        projects.delete(caller, workspaceId, projectId, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    public static Visibility visibility(String key) {
        return Visibility.fromKey(key).orElseThrow(() -> ApiProblem.invalid("visibility", "must be public or private"));
    }
}
