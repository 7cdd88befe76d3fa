package io.taskgate.console;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.apiclient.ApiClientService;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.web.Page;
import io.taskgate.workspace.WorkspaceService;

/** The audit trail, newest first, filtered like the API's: by actor, API key and integration name. */
@Controller
class AuditPages {

    private final AuditLog audit;
    private final WorkspaceService workspaces;
    private final ApiClientService clients;
    private final Layout layout;

    AuditPages(AuditLog audit, WorkspaceService workspaces, ApiClientService clients, Layout layout) {
        this.audit = audit;
        this.workspaces = workspaces;
        this.clients = clients;
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
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "audit");
        layout.requireArea(principal, WorkspacePermission.AUDIT_READ);
        Map<String, String> names = new HashMap<>();
        Map<String, String> actors = new HashMap<>();
        actors(viewer, workspaceId, principal, names, actors);
        var filter = new Filter(actorIdOf(actorId.strip(), names), apiKeyId, integrationName, action);
        if (!filter.actorId().equals(actorId.strip())) {
            // A name, or a part of one, was typed: say whose events these are.
            model.addAttribute("chosenActor", names.get(filter.actorId()));
        }
        Page<io.taskgate.audit.AuditEvent> events = audit.read(viewer.user(), workspaceId, filter.forLog(),
                Forms.blankToNull(cursor), 50);
        model.addAttribute("filter", filter);
        model.addAttribute("events", events.items());
        model.addAttribute("nextCursor", events.nextCursor());
        model.addAttribute("names", names);
        model.addAttribute("actors", actors.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        return "console/audit";
    }

    /**
     * The actor field takes an id, or a name of someone the viewer may know: the whole name (the
     * first of that name), else a part of one ("Olga" for "Olga Owner"), the first by name.
     */
    private static String actorIdOf(String typed, Map<String, String> names) {
        if (typed.isEmpty() || names.containsKey(typed)) {
            return typed;
        }
        String part = typed.toLowerCase(java.util.Locale.ROOT);
        return names.entrySet().stream().filter(entry -> entry.getValue().equalsIgnoreCase(typed))
                .map(Map.Entry::getKey).sorted().findFirst()
                .or(() -> names.entrySet().stream()
                        .filter(entry -> entry.getValue().toLowerCase(java.util.Locale.ROOT).contains(part))
                        .sorted(Map.Entry.<String, String>comparingByValue(String.CASE_INSENSITIVE_ORDER)
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey).findFirst())
                .orElse(typed);
    }

    /**
     * Actors by name where the viewer may know them (others stay shown by id), and the same as the
     * picker labels them: a person's email beside the name, so two Mias can be told apart.
     */
    private void actors(Viewer viewer, String workspaceId, WorkspacePrincipal principal, Map<String, String> names,
            Map<String, String> labels) {
        workspaces.listMembers(viewer.user(), workspaceId, null, 200).items().forEach(person -> {
            names.put(person.id(), person.name());
            labels.put(person.id(), person.name() + " (" + person.email() + ")");
        });
        if (layout.allows(principal, WorkspacePermission.API_CLIENTS_MANAGE)) {
            clients.list(viewer.user(), workspaceId, null, 200).items().forEach(client -> {
                names.put(client.id(), client.name());
                labels.put(client.id(), client.name() + " (API client)");
            });
        }
    }
}
