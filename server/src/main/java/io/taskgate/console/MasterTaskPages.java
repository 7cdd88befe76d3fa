package io.taskgate.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

import io.taskgate.access.Action;
import io.taskgate.access.PositionsResource;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.mastertask.MasterTask;
import io.taskgate.mastertask.MasterTaskFields;
import io.taskgate.mastertask.MasterTaskService;
import io.taskgate.position.PositionService;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.JsonBody;
import io.taskgate.web.Versions;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Master tasks — task templates for positions. Every member reads them; creating, editing or
 * deleting one takes the right on each of its positions, which the service asks of the decision
 * core (and the list asks it too, to offer edit and delete only where they would be allowed). A form becomes the API's JSON body and is parsed by the API's own rules, and a refusal
 * for positions shows the explanation and the remedies with each position said by its name.
 */
@Controller
@RequestMapping("/w/{workspaceId}/master-tasks")
class MasterTaskPages {

    /** A page lists at most this many master tasks. */
    private static final int MAX_SHOWN = 1000;

    private final MasterTaskService masterTasks;
    private final PositionService positions;
    private final Layout layout;
    private final JsonMapper json;

    MasterTaskPages(MasterTaskService masterTasks, PositionService positions, Layout layout, JsonMapper json) {
        this.masterTasks = masterTasks;
        this.positions = positions;
        this.layout = layout;
        this.json = json;
    }

    /**
     * A refusal beside a form: the API's problem with its remedies, positions said by their names
     * ({@link Problem#naming}), and for a 403 the positions lacking, by name.
     */
    record Refusal(Problem problem, List<String> lackingPositions) {
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return listPage(viewer, workspaceId, model, blankForm(), null);
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @RequestParam MultiValueMap<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            masterTasks.create(viewer.user(), workspaceId, MasterTaskFields.parse(JsonBody.of(body(form, "")), true));
            return "redirect:/w/" + workspaceId + "/master-tasks";
        } catch (ApiProblem problem) {
            Refusal refusal = refusal(viewer, workspaceId, "master-task", problem);
            response.setStatus(problem.status().value());
            return listPage(viewer, workspaceId, model, typed(form), refusal);
        }
    }

    @GetMapping("/{masterTaskId}")
    String edit(Viewer viewer, @PathVariable String workspaceId, @PathVariable String masterTaskId, Model model) {
        MasterTask task = live(viewer, workspaceId, masterTaskId);
        // The page is a form: not there for who may not change the master task (the list shows it all).
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "master-tasks");
        if (!layout.allows(principal, Action.MASTER_TASK_CREATE, new PositionsResource(task.positionIds()))) {
            throw ApiProblem.notFound("Master task " + masterTaskId);
        }
        return editPage(viewer, workspaceId, task, model, values(task), null);
    }

    /** Carries the version the form was shown with, as {@code If-Match}: a stale edit gets 412. */
    @PostMapping("/{masterTaskId}")
    String update(Viewer viewer, @PathVariable String workspaceId, @PathVariable String masterTaskId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        MasterTask task = live(viewer, workspaceId, masterTaskId);
        try {
            masterTasks.update(viewer.user(), workspaceId, masterTaskId,
                    MasterTaskFields.parse(JsonBody.of(body(form, task.description())), false),
                    Versions.ifMatch(version(form)));
            return "redirect:/w/" + workspaceId + "/master-tasks";
        } catch (ApiProblem problem) {
            Refusal refusal = refusal(viewer, workspaceId, "master-task", problem);
            response.setStatus(problem.status().value());
            return editPage(viewer, workspaceId, task, model, typed(form), refusal);
        }
    }

    /** Soft delete: the master task leaves every listing, and its row keeps who deleted it and when. */
    @PostMapping("/{masterTaskId}/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String masterTaskId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            masterTasks.delete(viewer.user(), workspaceId, masterTaskId, Versions.ifMatch(version(form)));
            return "redirect:/w/" + workspaceId + "/master-tasks";
        } catch (ApiProblem problem) {
            Refusal refusal = refusal(viewer, workspaceId, masterTaskId, problem);
            response.setStatus(problem.status().value());
            return listPage(viewer, workspaceId, model, blankForm(), refusal);
        }
    }

    /** Refusals about the request are shown beside its form; a master task or workspace not there is the 404 page. */
    private Refusal refusal(Viewer viewer, String workspaceId, String formName, ApiProblem problem) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        Map<String, String> names = positionNames(viewer, workspaceId);
        List<String> lacking = problem.properties().get("lackingPositionIds") instanceof List<?> ids
                ? ids.stream().map(String::valueOf).map(id -> names.getOrDefault(id, id)).toList()
                : List.of();
        // The core names positions by id, for clients: the page says them by name.
        return new Refusal(Problem.of(formName, problem).naming(names), lacking);
    }

    /**
     * The form as the JSON body the API takes: every field is sent, an empty colour is left out so
     * the default applies, and an unchecked "favorite" is false. {@code shownDescription}: the
     * description the form showed, kept when only its line breaks came back different.
     */
    private ObjectNode body(MultiValueMap<String, String> form, String shownDescription) {
        ObjectNode body = json.createObjectNode();
        body.put("name", first(form, "name"));
        var ids = body.putArray("positionIds");
        form.getOrDefault("positionIds", List.of()).forEach(ids::add);
        body.put("description", Forms.multiline(form.getFirst("description"), shownDescription));
        if (!first(form, "color").isBlank()) {
            body.put("color", first(form, "color"));
        }
        body.put("favorite", form.containsKey("favorite"));
        return body;
    }

    private static @Nullable Long version(MultiValueMap<String, String> form) {
        return Forms.version(form.getFirst("version"));
    }

    private MasterTask live(Viewer viewer, String workspaceId, String masterTaskId) {
        MasterTask task = masterTasks.get(viewer.user(), workspaceId, masterTaskId);
        if (task.deletedAt() != null) {
            throw ApiProblem.notFound("Master task " + masterTaskId);
        }
        return task;
    }

    private String listPage(Viewer viewer, String workspaceId, Model model, Map<String, Object> form,
            @Nullable Refusal refusal) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "master-tasks");
        List<MasterTask> shown = new ArrayList<>();
        String cursor = null;
        do {
            var page = masterTasks.list(viewer.user(), workspaceId, null, null, cursor, Cursors.MAX_LIMIT);
            shown.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && shown.size() < MAX_SHOWN);
        model.addAttribute("masterTasks", shown);
        model.addAttribute("mayChange", shown.stream()
                .filter(task -> !task.positionIds().isEmpty() && layout.allows(principal, Action.MASTER_TASK_CREATE,
                        new PositionsResource(task.positionIds())))
                .map(MasterTask::id)
                .collect(Collectors.toUnmodifiableSet()));
        // The form is offered to whoever may make a master task for at least one position.
        model.addAttribute("mayCreate", positions.list(viewer.user(), workspaceId, null, 200).items().stream()
                .anyMatch(position -> layout.allows(principal, Action.MASTER_TASK_CREATE,
                        new PositionsResource(List.of(position.id())))));
        return common(viewer, workspaceId, model, form, refusal, "console/master-tasks");
    }

    private String editPage(Viewer viewer, String workspaceId, MasterTask task, Model model, Map<String, Object> form,
            @Nullable Refusal refusal) {
        if (!model.containsAttribute("nav")) { // edit() framed the page already, to judge the viewer
            layout.frame(model, viewer, workspaceId, "master-tasks");
        }
        model.addAttribute("task", task);
        return common(viewer, workspaceId, model, form, refusal, "console/master-task");
    }

    private String common(Viewer viewer, String workspaceId, Model model, Map<String, Object> form,
            @Nullable Refusal refusal, String view) {
        model.addAttribute("positions", positionNames(viewer, workspaceId));
        model.addAttribute("form", form);
        model.addAttribute("problem", refusal == null ? null : refusal.problem());
        model.addAttribute("refusal", refusal);
        return view;
    }

    private Map<String, String> positionNames(Viewer viewer, String workspaceId) {
        Map<String, String> names = new LinkedHashMap<>();
        positions.list(viewer.user(), workspaceId, null, 200).items()
                .forEach(position -> names.put(position.id(), position.name()));
        return names;
    }

    private static Map<String, Object> blankForm() {
        return Map.of("name", "", "positionIds", List.of(), "description", "", "color",
                MasterTaskFields.DEFAULT_COLOR, "favorite", false);
    }

    private static Map<String, Object> values(MasterTask task) {
        return Map.of("name", task.name(), "positionIds", task.positionIds(), "description", task.description(),
                "color", task.color(), "favorite", task.favorite(), "version", String.valueOf(task.version()));
    }

    /** What was typed, to show the form again as it was sent. */
    private static Map<String, Object> typed(MultiValueMap<String, String> form) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("name", first(form, "name"));
        typed.put("positionIds", form.getOrDefault("positionIds", List.of()));
        typed.put("description", first(form, "description"));
        typed.put("color", first(form, "color"));
        typed.put("favorite", form.containsKey("favorite"));
        typed.put("version", first(form, "version"));
        return typed;
    }

    private static String first(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}
