package io.taskgate.task;

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

import io.taskgate.identity.Caller;
import io.taskgate.task.TaskListService.ListFields;
import io.taskgate.task.TaskListService.ListView;
import io.taskgate.web.BodyAbout;
import io.taskgate.web.Page;
import io.taskgate.web.Locations;
import io.taskgate.web.Versions;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** A project's ordered lists: readable with the project, created and changed by editors and up. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/projects/{projectId}/lists")
class TaskListController {

    private final TaskListService lists;

    TaskListController(TaskListService lists) {
        this.lists = lists;
    }

    @GetMapping
    public Page<ListView> list(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return lists.page(caller, workspaceId, projectId, cursor, limit);
    }

    @GetMapping("/{listId}")
    public ResponseEntity<ListView> get(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String listId) {
        return answer(HttpStatus.OK, lists.get(caller, workspaceId, projectId, listId));
    }

    /** A malformed body is a 422 for whoever can see the project, and a 404 for who cannot. */
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping
    public ResponseEntity<ListView> create(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ListInput.class)))
            @RequestBody JsonNode json) {
        ListFields fields = BodyAbout.parse(() -> ListFields.parse(json, true),
                () -> lists.list(caller, workspaceId, projectId));
        return answer(HttpStatus.CREATED, lists.create(caller, workspaceId, projectId, fields));
    }

    @PatchMapping("/{listId}")
    public ResponseEntity<ListView> update(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String listId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ListInput.class)))
            @RequestBody JsonNode json,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        ListFields fields = BodyAbout.parse(() -> ListFields.parse(json, false),
                () -> lists.get(caller, workspaceId, projectId, listId));
        return answer(HttpStatus.OK, lists.update(caller, workspaceId, projectId, listId, fields,
                Versions.ifMatch(ifMatch)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{listId}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String listId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        lists.delete(caller, workspaceId, projectId, listId, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ListView> answer(HttpStatus status, ListView list) {
        var answer = ResponseEntity.status(status).eTag(Versions.etag(list.version()));
        return (status == HttpStatus.CREATED ? answer.location(Locations.created(list.id())) : answer).body(list);
    }
}
