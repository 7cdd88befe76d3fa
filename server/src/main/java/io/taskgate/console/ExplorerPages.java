package io.taskgate.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.Action;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.apiclient.ApiClientService;
import io.taskgate.authorization.AccessCheck;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.position.PositionService;
import io.taskgate.project.ProjectService;
import io.taskgate.web.ApiProblem;
import io.taskgate.workspace.WorkspaceService;

/**
 * "Why can't X do Y?": pick a principal, an action and a resource, and see the decision core's
 * answer — exactly what {@code POST …/authz/check} answers — with each remedy as a button.
 */
@Controller
@RequestMapping("/w/{workspaceId}/access")
class ExplorerPages {

    /** A choice of a picker: the value sent ({@code type:id}) and what the person reads. */
    record Choice(String value, String label) {
    }

    /** What was asked: principal and resource as {@code type:id}, the action by its key. */
    record Question(String principal, String action, String resource, String taskId) {

        String query() {
            return "principal=" + encode(principal) + "&action=" + encode(action) + "&resource=" + encode(resource)
                    + "&taskId=" + encode(taskId);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private final AccessCheck access;
    private final WorkspaceService workspaces;
    private final ApiClientService clients;
    private final ProjectService projects;
    private final PositionService positions;
    private final Remedies remedies;
    private final Layout layout;

    ExplorerPages(AccessCheck access, WorkspaceService workspaces, ApiClientService clients, ProjectService projects,
            PositionService positions, Remedies remedies, Layout layout) {
        this.access = access;
        this.workspaces = workspaces;
        this.clients = clients;
        this.projects = projects;
        this.positions = positions;
        this.remedies = remedies;
        this.layout = layout;
    }

    @GetMapping
    String explore(Viewer viewer, @PathVariable String workspaceId,
            @RequestParam(defaultValue = "") String principal, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String resource, @RequestParam(defaultValue = "") String taskId,
            @RequestParam(required = false) @Nullable String applied, Model model, HttpServletResponse response) {
        var question = new Question(principal.isBlank() ? "user:" + viewer.id() : principal, action,
                resource.isBlank() ? "workspace" : resource, taskId);
        WorkspacePrincipal asker = frame(viewer, workspaceId, model, question);
        model.addAttribute("applied", Remedies.appliedNotice(applied));
        if (!action.isBlank()) {
            try {
                AccessCheck.CheckAnswer answer = check(viewer, workspaceId, question);
                model.addAttribute("answer", answer);
                model.addAttribute("offers", IntStream.range(0, answer.remedies().size())
                        .mapToObj(i -> remedies.offer(asker, i, answer.remedies().get(i))).toList());
            } catch (ApiProblem problem) {
                if (!Problem.shownBesideTheForm(problem)) {
                    throw problem;
                }
                response.setStatus(problem.status().value());
                model.addAttribute("problem", Problem.of("check", problem));
            }
        }
        return "console/explorer";
    }

    /**
     * Applies remedy {@code index} of the answer to the same question asked again now, so only a
     * change the core itself proposes can be applied from here; then shows the new decision.
     */
    @PostMapping("/remedies")
    String apply(Viewer viewer, @PathVariable String workspaceId, @RequestParam String principal,
            @RequestParam String action, @RequestParam String resource,
            @RequestParam(defaultValue = "") String taskId, @RequestParam int index, Model model,
            HttpServletResponse response) {
        var question = new Question(principal, action, resource, taskId);
        try {
            AccessCheck.CheckAnswer answer = check(viewer, workspaceId, question);
            if (index < 0 || index >= answer.remedies().size()) {
                throw ApiProblem.conflict("remedy_gone", "The decision changed meanwhile: this remedy is no longer"
                        + " offered. Look at the decision again.");
            }
            var remedy = answer.remedies().get(index);
            remedies.apply(viewer.user(), workspaceId, remedy);
            return "redirect:/w/" + workspaceId + "/access?" + question.query() + "&applied=" + remedy.kind();
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404 && !problem.properties().containsKey("field")) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            frame(viewer, workspaceId, model, question);
            model.addAttribute("problem", Problem.of("remedy", problem));
            return "console/explorer";
        }
    }

    private AccessCheck.CheckAnswer check(Viewer viewer, String workspaceId, Question question) {
        return access.check(viewer.user(), workspaceId, new AccessCheck.CheckRequest(
                principalRef(question.principal()), question.action(), resourceRef(question)), false);
    }

    private static AccessCheck.PrincipalRef principalRef(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw ApiProblem.invalid("principal.type", "must be user or api_client");
        }
        return new AccessCheck.PrincipalRef(value.substring(0, colon), value.substring(colon + 1), null);
    }

    private static AccessCheck.ResourceRef resourceRef(Question question) {
        if (!question.taskId().isBlank()) {
            return new AccessCheck.ResourceRef("task", question.taskId().strip(), null);
        }
        int colon = question.resource().indexOf(':');
        return colon < 0 ? new AccessCheck.ResourceRef(question.resource(), null, null)
                : new AccessCheck.ResourceRef(question.resource().substring(0, colon),
                        question.resource().substring(colon + 1), null);
    }

    /**
     * The pickers offer what the viewer may ask about: themselves, people with members.manage, API
     * clients with api_clients.manage.
     */
    private WorkspacePrincipal frame(Viewer viewer, String workspaceId, Model model, Question question) {
        WorkspacePrincipal asker = layout.frame(model, viewer, workspaceId, "access");
        List<Choice> principals = new ArrayList<>();
        if (layout.allows(asker, WorkspacePermission.MEMBERS_MANAGE)) {
            workspaces.listMembers(viewer.user(), workspaceId, null, 200).items().forEach(member -> principals.add(
                    new Choice("user:" + member.id(), member.name() + " (" + member.email() + ")")));
        } else {
            principals.add(new Choice("user:" + viewer.id(), "Me (" + viewer.user().name() + ")"));
        }
        if (layout.allows(asker, WorkspacePermission.API_CLIENTS_MANAGE)) {
            clients.list(viewer.user(), workspaceId, null, 200).items().forEach(client -> principals.add(
                    new Choice("api_client:" + client.id(), "API client " + client.name())));
        }
        List<Choice> resources = new ArrayList<>(List.of(new Choice("workspace", "the workspace")));
        projects.list(viewer.user(), workspaceId, null, 200).items().forEach(project -> resources.add(
                new Choice("project:" + project.id(), "project " + project.name())));
        // For master_task.create: a master task is made for positions.
        Map<String, String> positionNames = new LinkedHashMap<>();
        positions.list(viewer.user(), workspaceId, null, 200).items().forEach(position -> {
            resources.add(new Choice("position:" + position.id(), "position " + position.name()));
            positionNames.put(position.id(), position.name());
        });
        // The core names positions by id, for clients: the decision is shown with their names.
        model.addAttribute("positionNames", positionNames);
        model.addAttribute("principals", principals);
        model.addAttribute("actions", Arrays.stream(Action.values()).map(Action::key).toList());
        model.addAttribute("resources", resources);
        model.addAttribute("question", question);
        return asker;
    }
}
