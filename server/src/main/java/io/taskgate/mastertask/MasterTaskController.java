package io.taskgate.mastertask;

import java.net.URI;
import java.time.Instant;
import java.util.List;

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
import io.taskgate.web.BodyAbout;
import io.taskgate.web.JsonBody;
import io.taskgate.web.Page;
import io.taskgate.web.Versions;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/master-tasks")
class MasterTaskController {

    private final MasterTaskService service;

    MasterTaskController(MasterTaskService service) {
        this.service = service;
    }

    record MasterTaskView(String id, String name, List<String> positionIds, String description, String color,
            boolean favorite, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            @Nullable String deletedBy, @Nullable Instant deletedAt, long version) {

        static MasterTaskView of(MasterTask task) {
            return new MasterTaskView(task.id(), task.name(), task.positionIds(), task.description(), task.color(),
                    task.favorite(), task.createdBy(), task.createdAt(), task.updatedBy(), task.updatedAt(),
                    task.deletedBy(), task.deletedAt(), task.version());
        }
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping
    ResponseEntity<MasterTaskView> create(Caller caller, @PathVariable String workspaceId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = MasterTaskInput.class)))
            @RequestBody JsonNode body) {
        MasterTask task = service.create(caller, workspaceId, MasterTaskFields.parse(JsonBody.of(body), true));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/workspaces/" + workspaceId + "/master-tasks/" + task.id()))
                .eTag(Versions.etag(task.version()))
                .body(MasterTaskView.of(task));
    }

    @GetMapping
    Page<MasterTaskView> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String positionId,
            @RequestParam(required = false) @Nullable Boolean favorite,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return service.list(caller, workspaceId, positionId, favorite, cursor, limit).map(MasterTaskView::of);
    }

    /** A soft-deleted master task is still answered here, with {@code deletedBy} and {@code deletedAt}. */
    @GetMapping("/{id}")
    ResponseEntity<MasterTaskView> get(Caller caller, @PathVariable String workspaceId, @PathVariable String id) {
        MasterTask task = service.get(caller, workspaceId, id);
        return ResponseEntity.ok().eTag(Versions.etag(task.version())).body(MasterTaskView.of(task));
    }

    @PatchMapping("/{id}")
    ResponseEntity<MasterTaskView> update(Caller caller, @PathVariable String workspaceId, @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = MasterTaskInput.class)))
            @RequestBody JsonNode body, @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        MasterTaskFields fields = BodyAbout.parse(() -> MasterTaskFields.parse(JsonBody.of(body), false),
                () -> service.requireLive(caller, workspaceId, id));
        MasterTask task = service.update(caller, workspaceId, id, fields, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(task.version())).body(MasterTaskView.of(task));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId, @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        service.delete(caller, workspaceId, id, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
