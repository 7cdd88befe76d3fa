package io.taskgate.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.audit.AuditLog;
import io.taskgate.web.Page;

/** The audit trail, newest first, filtered like the API's: by actor, API key and integration name. */
@Controller
class AuditPages {

    private final AuditLog audit;
    private final Layout layout;

    AuditPages(AuditLog audit, Layout layout) {
        this.audit = audit;
        this.layout = layout;
    }

    /** The filters a person typed, kept in the URL; an empty field filters nothing. */
    record Filter(String actorId, String apiKeyId, String integrationName, String action) {

        AuditLog.Filter forLog() {
            return new AuditLog.Filter(Forms.blankToNull(actorId.strip()), Forms.blankToNull(apiKeyId.strip()),
                    Forms.blankToNull(integrationName.strip()), Forms.blankToNull(action.strip()));
        }
    }

    @GetMapping("/w/{workspaceId}/audit")
    String list(Viewer viewer, @PathVariable String workspaceId, @RequestParam(defaultValue = "") String actorId,
            @RequestParam(defaultValue = "") String apiKeyId, @RequestParam(defaultValue = "") String integrationName,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String cursor,
            Model model) {
        layout.requireArea(layout.frame(model, viewer, workspaceId, "audit"), WorkspacePermission.AUDIT_READ);
        var filter = new Filter(actorId, apiKeyId, integrationName, action);
        Page<io.taskgate.audit.AuditEvent> events = audit.read(viewer.user(), workspaceId, filter.forLog(),
                Forms.blankToNull(cursor), 50);
        model.addAttribute("filter", filter);
        model.addAttribute("events", events.items());
        model.addAttribute("nextCursor", events.nextCursor());
        return "console/audit";
    }
}
