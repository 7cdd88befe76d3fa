package io.taskgate.project;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.access.Visibility;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Page;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
public class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    public record CreateProject(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @Nullable String visibility,
            @Nullable @Size(max = 2000, message = "must be at most 2000 characters") String description) {
    }

    record ChangeProject(
            @Nullable @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
            @Nullable String visibility,
            @Nullable @Size(max = 2000, message = "must be at most 2000 characters") String description) {
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectService.ProjectView create(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody CreateProject request) {
        Visibility visibility = request.visibility() == null ? Visibility.PRIVATE : visibility(request.visibility());
        return projects.create(caller, workspaceId,
                new ProjectService.NewProject(request.name(), request.description(), visibility));
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
    ProjectService.ProjectView get(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId) {
        return projects.get(caller, workspaceId, projectId);
    }

    @PatchMapping("/projects/{projectId}")
    ProjectService.ProjectView change(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId,
            @Valid @RequestBody ChangeProject request) {
        return projects.change(caller, workspaceId, projectId, new ProjectService.ProjectChange(request.name(),
                request.description(), request.visibility() == null ? null : visibility(request.visibility())));
    }

    @DeleteMapping("/projects/{projectId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId) {
        projects.delete(caller, workspaceId, projectId);
        return ResponseEntity.noContent().build();
    }

    public static Visibility visibility(String key) {
        return Visibility.fromKey(key).orElseThrow(() -> ApiProblem.invalid("visibility", "must be public or private"));
    }
}
