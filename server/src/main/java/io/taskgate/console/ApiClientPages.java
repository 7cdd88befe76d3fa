package io.taskgate.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.apiclient.ApiClientController;
import io.taskgate.apiclient.ApiClientService;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import io.taskgate.workspace.CustomRoleService;

/**
 * API clients and their keys, for holders of {@code api_clients.manage} only: for anyone else the
 * whole area is a 404, as its navigation entry is absent. A new key's secret is shown once, in
 * the answer to the request that created it, and never stored or shown again.
 */
@Controller
@RequestMapping("/w/{workspaceId}/api-clients")
class ApiClientPages {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ApiClientService clients;
    private final CustomRoleService roles;
    private final Layout layout;
    private final Forms forms;

    ApiClientPages(ApiClientService clients, CustomRoleService roles, Layout layout, Forms forms) {
        this.roles = roles;
        this.clients = clients;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return listPage(viewer, workspaceId, model, Map.of("role", "member", "accessLevel", "read_write"), null);
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            var request = forms.valid(new ApiClientController.CreateClient(form.getOrDefault("name", ""),
                    form.getOrDefault("role", ""), form.getOrDefault("accessLevel", ""), null));
            var created = clients.create(viewer.user(), workspaceId, new ApiClientService.NewClient(request.name(),
                    ApiClientController.role(request.role()), ApiClientController.accessLevel(request.accessLevel()),
                    java.util.List.of()));
            return "redirect:/w/" + workspaceId + "/api-clients/" + created.id();
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return listPage(viewer, workspaceId, model, form, Problem.of("client", problem));
        }
    }

    @GetMapping("/{clientId}")
    String show(Viewer viewer, @PathVariable String workspaceId, @PathVariable String clientId, Model model) {
        return clientPage(viewer, workspaceId, clientId, model, null, null);
    }

    @PostMapping("/{clientId}")
    String change(Viewer viewer, @PathVariable String workspaceId, @PathVariable String clientId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            String active = form.getFirst("active");
            // Unticking every custom role is a change too: the form says it showed them.
            List<String> customRoleIds = form.containsKey("customRolesShown")
                    ? form.getOrDefault("customRoleIds", List.of()) : null;
            clients.change(viewer.user(), workspaceId, clientId, new ApiClientService.ClientChange(null,
                    form.containsKey("role") ? ApiClientController.role(form.getFirst("role")) : null,
                    form.containsKey("accessLevel") ? ApiClientController.accessLevel(form.getFirst("accessLevel"))
                            : null,
                    customRoleIds, active == null ? null : Boolean.valueOf(active)),
                    Versions.ifMatch(Forms.version(form.getFirst("version"))));
            return "redirect:/w/" + workspaceId + "/api-clients/" + clientId;
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            // The settings as they were sent, ticks included, not as they are stored.
            model.addAttribute("form", Forms.typed(form, "customRoleIds"));
            return clientPage(viewer, workspaceId, clientId, model, Problem.of("settings", problem), null);
        }
    }

    /** With htmx only the keys area is swapped in, so reloading the page shows the client without the secret. */
    @PostMapping("/{clientId}/keys")
    String createKey(Viewer viewer, @PathVariable String workspaceId, @PathVariable String clientId,
            @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        ApiClientService.@Nullable CreatedKey created = null;
        Problem problem = null;
        try {
            var key = forms.valid(new ApiClientController.CreateKey(Forms.blankToNull(form.get("name")),
                    expiry(form.get("expiresAt"))));
            Instant expiresAt = ApiClientController.instant("expiresAt", key.expiresAt());
            created = clients.createKey(viewer.user(), workspaceId, clientId, key.name(), expiresAt);
            response.setStatus(201);
        } catch (ApiProblem refused) {
            // A client stronger than the viewer gets no key from them: said beside the form.
            if (!Problem.shownBesideTheForm(refused)) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            problem = Problem.of("key", refused);
        }
        model.addAttribute("form", problem == null ? Map.of() : form);
        String view = clientPage(viewer, workspaceId, clientId, model, problem, created);
        // htmx does not swap error answers by default; the refused form is a normal answer for it.
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(200);
            return view + " :: keys";
        }
        return view;
    }

    @PostMapping("/{clientId}/keys/{keyId}/revoke")
    String revoke(Viewer viewer, @PathVariable String workspaceId, @PathVariable String clientId,
            @PathVariable String keyId) {
        clients.revokeKey(viewer.user(), workspaceId, clientId, keyId);
        return "redirect:/w/" + workspaceId + "/api-clients/" + clientId;
    }

    /** A date picked in the form means the start of that day, UTC, as the API's ISO instant. */
    private static @Nullable String expiry(@Nullable String value) {
        String given = Forms.blankToNull(value);
        return given != null && DATE.matcher(given).matches() ? given + "T00:00:00Z" : given;
    }

    private String listPage(Viewer viewer, String workspaceId, Model model, Map<String, String> form,
            @Nullable Problem problem) {
        area(viewer, workspaceId, model);
        model.addAttribute("clients", clients.list(viewer.user(), workspaceId, null, 200).items());
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/api-clients";
    }

    private String clientPage(Viewer viewer, String workspaceId, String clientId, Model model,
            @Nullable Problem problem, ApiClientService.@Nullable CreatedKey created) {
        WorkspacePrincipal principal = area(viewer, workspaceId, model);
        model.addAttribute("client", clients.get(viewer.user(), workspaceId, clientId));
        // Its controls are for who may do everything it can; others see it, and why they cannot change it.
        model.addAttribute("mayActAs", clients.mayActAs(viewer.user(), workspaceId, clientId));
        List<CustomRoleService.RoleView> customRoles = roles.list(viewer.user(), workspaceId, null, 200).items()
                .stream().filter(role -> !role.builtIn()).toList();
        model.addAttribute("customRoles", customRoles);
        model.addAttribute("grantableCustomRoles",
                layout.grantableCustomRoles(principal, customRoles));
        model.addAttribute("keys", clients.listKeys(viewer.user(), workspaceId, clientId));
        model.addAttribute("created", created);
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "console/api-client";
    }

    private WorkspacePrincipal area(Viewer viewer, String workspaceId, Model model) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "api-clients");
        layout.requireArea(principal, WorkspacePermission.API_CLIENTS_MANAGE);
        // The pickers offer what the viewer may give, as the API allows it.
        model.addAttribute("grantableRoles", layout.grantableRoles(principal));
        model.addAttribute("grantableLevels", layout.grantableAccessLevels(principal));
        return principal;
    }
}
