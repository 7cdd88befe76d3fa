package io.taskgate.audit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.FieldError;
import io.taskgate.web.QueryFilters;
import io.taskgate.web.Page;

@RestController
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * Newest first, filterable by actor, API key, integration name, action and project; events
     * about projects the caller may not read are left out.
     */
    @GetMapping("/api/v1/workspaces/{workspaceId}/audit-events")
    public Page<AuditEvent> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String actorId,
            @RequestParam(required = false) @Nullable String apiKeyId,
            @RequestParam(required = false) @Nullable String integrationName,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        List<FieldError> empty = new ArrayList<>();
        QueryFilters.requireNotEmpty(empty, "actorId", actorId);
        QueryFilters.requireNotEmpty(empty, "apiKeyId", apiKeyId);
        QueryFilters.requireNotEmpty(empty, "integrationName", integrationName);
        QueryFilters.requireNotEmpty(empty, "action", action);
        QueryFilters.requireNotEmpty(empty, "projectId", projectId);
        if (!empty.isEmpty()) {
            // An empty filter matches nothing: a client's bug, not a wish for an empty trail.
            throw ApiProblem.invalid(empty);
        }
        return auditLog.read(caller, workspaceId,
                new AuditLog.Filter(actorId, apiKeyId, integrationName, action, projectId), cursor, limit);
    }
}
