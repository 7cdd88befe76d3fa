package io.taskgate.authorization;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.identity.Caller;

/** {@code POST …/authz/check}: the HTTP face of {@link AccessCheck}. */
@RestController
class AuthzCheckController {

    private final AccessCheck access;

    AuthzCheckController(AccessCheck access) {
        this.access = access;
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/authz/check")
    AccessCheck.CheckAnswer check(Caller caller, @PathVariable String workspaceId,
            @Valid @RequestBody AccessCheck.CheckRequest request,
            @RequestParam(defaultValue = "false") boolean trace) {
        return access.check(caller, workspaceId, request, trace);
    }
}
