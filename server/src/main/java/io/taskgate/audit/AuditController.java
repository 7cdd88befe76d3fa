package io.taskgate.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;

@RestController
class AuditController {

    private final AuditLog auditLog;
    private final Authorization authorization;

    AuditController(AuditLog auditLog, Authorization authorization) {
        this.auditLog = auditLog;
        this.authorization = authorization;
    }

    /** Newest first, filterable by actor, API key, integration name and action. */
    @GetMapping("/api/v1/workspaces/{workspaceId}/audit-events")
    @Transactional(readOnly = true)
    public Page<AuditEvent> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String actorId,
            @RequestParam(required = false) @Nullable String apiKeyId,
            @RequestParam(required = false) @Nullable String integrationName,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.require(principal, WorkspacePermission.AUDIT_READ);
        int size = Cursors.limit(limit);
        var filter = new AuditLog.Filter(actorId, apiKeyId, integrationName, action);
        return Page.fromOverfetch(auditLog.list(workspaceId, filter, Cursors.decode(cursor), size + 1), size,
                AuditEvent::id);
    }
}
