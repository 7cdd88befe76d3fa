package io.taskgate.position;

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

import io.taskgate.identity.Caller;
import io.taskgate.position.PositionService.PositionView;
import io.taskgate.position.PositionStore.Assignment;
import io.taskgate.web.Page;
import io.taskgate.web.Locations;
import io.taskgate.web.Versions;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/positions")
public class PositionController {

    private final PositionService service;

    PositionController(PositionService service) {
        this.service = service;
    }

    public record NamePosition(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name) {
    }

    public record AssignUser(@NotBlank(message = "is required") String userId) {
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping
    ResponseEntity<PositionView> create(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody NamePosition request) {
        PositionView position = service.create(caller, workspaceId, request.name());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(position.version()))
                .location(Locations.created(position.id())).body(position);
    }

    @GetMapping
    Page<PositionView> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return service.list(caller, workspaceId, cursor, limit);
    }

    @GetMapping("/{positionId}")
    ResponseEntity<PositionView> get(Caller caller, @PathVariable String workspaceId,
            @PathVariable String positionId) {
        return answer(HttpStatus.OK, service.get(caller, workspaceId, positionId));
    }

    /** The name is the only thing a position has to change; it is therefore required here too. */
    @PatchMapping("/{positionId}")
    ResponseEntity<PositionView> rename(Caller caller, @PathVariable String workspaceId,
            @PathVariable String positionId, @Valid @RequestBody NamePosition request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(HttpStatus.OK, service.rename(caller, workspaceId, positionId, request.name(),
                Versions.ifMatch(ifMatch)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{positionId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId, @PathVariable String positionId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        service.delete(caller, workspaceId, positionId, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{positionId}/managers")
    Page<PositionService.AssignedPerson> managers(Caller caller, @PathVariable String workspaceId,
            @PathVariable String positionId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return Page.slice(service.assigned(caller, workspaceId, positionId, Assignment.MANAGER), cursor, limit,
                PositionService.AssignedPerson::userId);
    }

    @GetMapping("/{positionId}/staff")
    Page<PositionService.AssignedPerson> staff(Caller caller, @PathVariable String workspaceId,
            @PathVariable String positionId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return Page.slice(service.assigned(caller, workspaceId, positionId, Assignment.STAFF), cursor, limit,
                PositionService.AssignedPerson::userId);
    }

    /** Answers the position, whose managers (and version) changed. */
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/{positionId}/managers")
    ResponseEntity<PositionView> addManager(Caller caller, @PathVariable String workspaceId,
            @PathVariable String positionId, @Valid @RequestBody AssignUser request) {
        return answer(HttpStatus.CREATED,
                service.assign(caller, workspaceId, positionId, Assignment.MANAGER, request.userId()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{positionId}/managers/{userId}")
    ResponseEntity<Void> removeManager(Caller caller, @PathVariable String workspaceId,
            @PathVariable String positionId, @PathVariable String userId) {
        service.unassign(caller, workspaceId, positionId, Assignment.MANAGER, userId);
        return ResponseEntity.noContent().build();
    }

    /** Answers the position, whose staff (and version) changed. */
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/{positionId}/staff")
    ResponseEntity<PositionView> addStaff(Caller caller, @PathVariable String workspaceId,
            @PathVariable String positionId, @Valid @RequestBody AssignUser request) {
        return answer(HttpStatus.CREATED,
                service.assign(caller, workspaceId, positionId, Assignment.STAFF, request.userId()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{positionId}/staff/{userId}")
    ResponseEntity<Void> removeStaff(Caller caller, @PathVariable String workspaceId, @PathVariable String positionId,
            @PathVariable String userId) {
        service.unassign(caller, workspaceId, positionId, Assignment.STAFF, userId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<PositionView> answer(HttpStatus status, PositionView position) {
        return ResponseEntity.status(status).eTag(Versions.etag(position.version())).body(position);
    }
}
