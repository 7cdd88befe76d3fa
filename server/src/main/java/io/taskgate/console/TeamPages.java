package io.taskgate.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.PrincipalType;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.apiclient.ApiClientService;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.team.TeamController;
import io.taskgate.team.TeamService;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import io.taskgate.workspace.WorkspaceService;

/** Teams and who is in them — people and API clients alike; every member reads, {@code teams.manage} changes. */
@Controller
@RequestMapping("/w/{workspaceId}/teams")
class TeamPages {

    private final TeamService teams;
    private final WorkspaceService workspaces;
    private final ApiClientService clients;
    private final Layout layout;
    private final Forms forms;

    TeamPages(TeamService teams, WorkspaceService workspaces, ApiClientService clients, Layout layout, Forms forms) {
        this.teams = teams;
        this.workspaces = workspaces;
        this.clients = clients;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return listPage(viewer, workspaceId, model, Map.of(), null);
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            var request = forms.valid(new TeamController.NameTeam(form.getOrDefault("name", "")));
            return "redirect:/w/" + workspaceId + "/teams/" + teams.create(viewer.user(), workspaceId,
                    request.name()).id();
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return listPage(viewer, workspaceId, model, form, Problem.of("team", problem));
        }
    }

    @GetMapping("/{teamId}")
    String show(Viewer viewer, @PathVariable String workspaceId, @PathVariable String teamId, Model model) {
        return teamPage(viewer, workspaceId, teamId, model, null);
    }

    /** The member is picked as {@code type:id}, as the API takes {@code principalType} and {@code principalId}. */
    @PostMapping("/{teamId}/members")
    String addMember(Viewer viewer, @PathVariable String workspaceId, @PathVariable String teamId,
            @RequestParam(defaultValue = "") String principal, Model model, HttpServletResponse response) {
        try {
            int colon = principal.indexOf(':');
            var request = forms.valid(new TeamController.AddMember(colon < 0 ? "" : principal.substring(0, colon),
                    principal.substring(colon + 1)));
            PrincipalType type = PrincipalType.fromKey(request.principalType())
                    .orElseThrow(() -> ApiProblem.invalid("principalType", "must be one of user, api_client"));
            teams.addMember(viewer.user(), workspaceId, teamId, type, request.principalId());
            return "redirect:/w/" + workspaceId + "/teams/" + teamId;
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return teamPage(viewer, workspaceId, teamId, model, Problem.of("member", problem));
        }
    }

    @PostMapping("/{teamId}/name")
    String rename(Viewer viewer, @PathVariable String workspaceId, @PathVariable String teamId,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable Long version,
            Model model, HttpServletResponse response) {
        try {
            teams.rename(viewer.user(), workspaceId, teamId, forms.valid(new TeamController.NameTeam(name)).name(),
                    Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/teams/" + teamId;
        } catch (ApiProblem problem) {
            model.addAttribute("typedName", name);
            return refusedSettings(viewer, workspaceId, teamId, model, response, problem);
        }
    }

    /** Its memberships, in the team and in projects, go with it. */
    @PostMapping("/{teamId}/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String teamId,
            @RequestParam(required = false) @Nullable Long version, Model model, HttpServletResponse response) {
        try {
            teams.delete(viewer.user(), workspaceId, teamId, Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/teams";
        } catch (ApiProblem problem) {
            return refusedSettings(viewer, workspaceId, teamId, model, response, problem);
        }
    }

    private String refusedSettings(Viewer viewer, String workspaceId, String teamId, Model model,
            HttpServletResponse response, ApiProblem problem) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        return teamPage(viewer, workspaceId, teamId, model, Problem.of("settings", problem));
    }

    @PostMapping("/{teamId}/members/{principalId}/remove")
    String removeMember(Viewer viewer, @PathVariable String workspaceId, @PathVariable String teamId,
            @PathVariable String principalId) {
        teams.removeMember(viewer.user(), workspaceId, teamId, principalId);
        return "redirect:/w/" + workspaceId + "/teams/" + teamId;
    }

    private String listPage(Viewer viewer, String workspaceId, Model model, Map<String, String> form,
            @Nullable Problem problem) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "teams");
        model.addAttribute("teams", teams.list(viewer.user(), workspaceId, null, 200).items());
        model.addAttribute("manage", layout.allows(principal, WorkspacePermission.TEAMS_MANAGE));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/teams";
    }

    private String teamPage(Viewer viewer, String workspaceId, String teamId, Model model,
            @Nullable Problem problem) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "teams");
        boolean manage = layout.allows(principal, WorkspacePermission.TEAMS_MANAGE);
        var members = teams.listMembers(viewer.user(), workspaceId, teamId, null, 200).items();
        model.addAttribute("team", teams.get(viewer.user(), workspaceId, teamId));
        model.addAttribute("members", members);
        model.addAttribute("manage", manage);
        model.addAttribute("choices", manage ? choices(viewer, workspaceId, principal, members) : List.of());
        model.addAttribute("problem", problem);
        return "console/team";
    }

    /** Who may join: the workspace's active people, and its API clients when the viewer may see them. */
    private List<ExplorerPages.Choice> choices(Viewer viewer, String workspaceId, WorkspacePrincipal principal,
            List<TeamService.MemberView> members) {
        List<String> already = members.stream().map(TeamService.MemberView::principalId).toList();
        List<ExplorerPages.Choice> choices = new ArrayList<>();
        workspaces.listMembers(viewer.user(), workspaceId, null, 200).items().stream()
                .filter(person -> person.active() && !already.contains(person.id()))
                .forEach(person -> choices.add(new ExplorerPages.Choice("user:" + person.id(), person.name())));
        if (layout.allows(principal, WorkspacePermission.API_CLIENTS_MANAGE)) {
            clients.list(viewer.user(), workspaceId, null, 200).items().stream()
                    .filter(client -> client.active() && !already.contains(client.id()))
                    .forEach(client -> choices.add(new ExplorerPages.Choice("api_client:" + client.id(),
                            "API client " + client.name())));
        }
        return choices;
    }
}
