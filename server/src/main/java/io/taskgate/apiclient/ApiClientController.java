package io.taskgate.apiclient;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
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

import io.taskgate.access.AccessLevel;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.OneOf;
import io.taskgate.web.Page;
import io.taskgate.web.Locations;
import io.taskgate.web.Versions;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/api-clients")
public class ApiClientController {

    private final ApiClientService service;

    ApiClientController(ApiClientService service) {
        this.service = service;
    }

    public record CreateClient(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @OneOf(value = WorkspaceRole.class, required = true) String role,
            @OneOf(value = AccessLevel.class, required = true) String accessLevel,
            @JsonSetter(contentNulls = Nulls.FAIL) @Nullable List<String> customRoleIds) {
    }

    record ChangeClient(@Nullable @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
            @Nullable @OneOf(WorkspaceRole.class) String role, @Nullable @OneOf(AccessLevel.class) String accessLevel,
            @JsonSetter(contentNulls = Nulls.FAIL) @Nullable List<String> customRoleIds, @Nullable Boolean active) {
    }

    public record CreateKey(@Nullable @Size(max = 200, message = "must be at most 200 characters") String name,
            @Nullable String expiresAt) {
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping
    ResponseEntity<ApiClientService.ApiClientView> create(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody CreateClient request) {
        return answer(HttpStatus.CREATED, service.create(caller, workspaceId,
                new ApiClientService.NewClient(request.name(), role(request.role()), accessLevel(request.accessLevel()),
                        request.customRoleIds() == null ? List.of() : request.customRoleIds())));
    }

    @GetMapping
    Page<ApiClientService.ApiClientView> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return service.list(caller, workspaceId, cursor, limit);
    }

    @GetMapping("/{clientId}")
    ResponseEntity<ApiClientService.ApiClientView> get(Caller caller, @PathVariable String workspaceId,
            @PathVariable String clientId) {
        return answer(HttpStatus.OK, service.get(caller, workspaceId, clientId));
    }

    @PatchMapping("/{clientId}")
    ResponseEntity<ApiClientService.ApiClientView> change(Caller caller, @PathVariable String workspaceId,
            @PathVariable String clientId, @Valid @RequestBody ChangeClient request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(HttpStatus.OK, service.change(caller, workspaceId, clientId,
                new ApiClientService.ClientChange(request.name(), request.role() == null ? null : role(request.role()),
                        request.accessLevel() == null ? null : accessLevel(request.accessLevel()),
                        request.customRoleIds(), request.active()),
                Versions.ifMatch(ifMatch)));
    }

    /**
     * The one answer that holds the key's secret: {@code no-store} keeps it out of every cache,
     * the Idempotency-Key store included, which then keeps a refusal to replay in its place.
     */
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/{clientId}/keys")
    ResponseEntity<ApiClientService.CreatedKey> createKey(Caller caller, @PathVariable String workspaceId,
            @PathVariable String clientId, @Valid @RequestBody(required = false) @Nullable CreateKey request) {
        CreateKey body = request == null ? new CreateKey(null, null) : request;
        ApiClientService.CreatedKey key = service.createKey(caller, workspaceId, clientId, body.name(),
                instant("expiresAt", body.expiresAt()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .location(Locations.created(key.id())).body(key);
    }

    @GetMapping("/{clientId}/keys")
    Page<ApiClientService.KeyView> listKeys(Caller caller, @PathVariable String workspaceId,
            @PathVariable String clientId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return Page.slice(service.listKeys(caller, workspaceId, clientId), cursor, limit,
                ApiClientService.KeyView::id);
    }

    /** One key as the list shows it: never its secret, which only its creation answered. */
    @GetMapping("/{clientId}/keys/{keyId}")
    ApiClientService.KeyView getKey(Caller caller, @PathVariable String workspaceId, @PathVariable String clientId,
            @PathVariable String keyId) {
        return service.getKey(caller, workspaceId, clientId, keyId);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/{clientId}/keys/{keyId}")
    ResponseEntity<Void> revokeKey(Caller caller, @PathVariable String workspaceId, @PathVariable String clientId,
            @PathVariable String keyId) {
        service.revokeKey(caller, workspaceId, clientId, keyId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ApiClientService.ApiClientView> answer(HttpStatus status,
            ApiClientService.ApiClientView client) {
        var answer = ResponseEntity.status(status).eTag(Versions.etag(client.version()));
        return (status == HttpStatus.CREATED ? answer.location(Locations.created(client.id())) : answer).body(client);
    }

    public static WorkspaceRole role(String key) {
        return WorkspaceRole.fromKey(key)
                .orElseThrow(() -> ApiProblem.invalid("role", "must be one of owner, admin, member, guest"));
    }

    public static AccessLevel accessLevel(String key) {
        return AccessLevel.fromKey(key)
                .orElseThrow(() -> ApiProblem.invalid("accessLevel", "must be one of read, read_write, global"));
    }

    public static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be an ISO-8601 instant such as 2030-01-31T12:00:00Z");
        }
    }
}
