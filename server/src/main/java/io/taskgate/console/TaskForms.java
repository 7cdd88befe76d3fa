package io.taskgate.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import io.taskgate.task.TaskBoard;
import io.taskgate.web.Versions;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns task forms into the JSON bodies of the API: an empty optional field is an absent member
 * on create, and an edit sends only the fields that changed — so a collaborator changing only
 * the status is judged by the same rule as through the API.
 */
@Component
class TaskForms {

    private final JsonMapper json;

    TaskForms(JsonMapper json) {
        this.json = json;
    }

    ObjectNode json() {
        return json.createObjectNode();
    }

    ObjectNode forCreate(String projectId, MultiValueMap<String, String> form) {
        ObjectNode body = newTask("project", form);
        body.put("projectId", projectId);
        List<String> lists = form.getOrDefault("lists", List.of());
        if (!lists.isEmpty()) {
            body.set("lists", placements(lists));
        }
        return body;
    }

    /**
     * A new task of {@code type}: its title, and each optional field that was filled in; blockers
     * are one per line, as the edit form shows them.
     */
    ObjectNode newTask(String type, MultiValueMap<String, String> form) {
        ObjectNode body = json();
        body.put("type", type);
        body.put("title", value(form, "title"));
        for (String field : List.of("description", "priority", "status", "dueAt", "assigneeId")) {
            String value = field.equals("description") ? Forms.multiline(form.getFirst(field)) : value(form, field);
            if (!value.isBlank()) {
                body.put(field, value);
            }
        }
        List<String> blockers = blockers(value(form, "blockers"));
        if (!blockers.isEmpty()) {
            ArrayNode array = body.putArray("blockers");
            blockers.forEach(array::add);
        }
        return body;
    }

    /**
     * Saves what the form changed on {@code card}, if anything, from the version the page was
     * shown with: a stale one is the API's 412. "Save mine over theirs", offered after such a
     * refusal, names the version it overwrites.
     */
    void save(TaskBoard board, Viewer viewer, String workspaceId, TaskBoard.Card card,
            MultiValueMap<String, String> form) {
        ObjectNode changes = changes(card, form);
        if (!changes.isEmpty()) {
            Long version = Forms.version(form.containsKey("overwrite") ? form.getFirst("overwrite")
                    : form.getFirst("version"));
            board.update(viewer.user(), workspaceId, card.id(), changes, Versions.ifMatch(version));
        }
    }

    /** The fields of the edit form that differ from the task as it was shown. */
    ObjectNode changes(TaskBoard.Card card, MultiValueMap<String, String> form) {
        Map<String, String> was = values(card);
        ObjectNode body = json();
        for (String field : List.of("title", "description", "status", "priority")) {
            String now = field.equals("description") ? Forms.multiline(form.getFirst(field), card.description())
                    : value(form, field);
            if (form.containsKey(field) && !now.equals(was.get(field))) {
                body.put(field, now);
            }
        }
        for (String field : List.of("dueAt", "assigneeId")) {
            String now = value(form, field);
            if (form.containsKey(field) && !now.equals(was.get(field))) {
                if (now.isBlank()) {
                    body.putNull(field);
                } else {
                    body.put(field, now);
                }
            }
        }
        if (form.containsKey("blockers")) {
            List<String> blockers = blockers(value(form, "blockers"));
            if (!blockers.equals(card.blockers())) {
                ArrayNode array = body.putArray("blockers");
                blockers.forEach(array::add);
            }
        }
        List<String> lists = form.getOrDefault("lists", List.of());
        if (form.containsKey("listsShown") && !Objects.equals(new java.util.HashSet<>(lists),
                new java.util.HashSet<>(card.listIds()))) {
            body.set("lists", placements(lists));
        }
        return body;
    }

    /** One field where the task now differs from what was typed, as the task now holds it. */
    record Difference(String field, String now) {
    }

    /**
     * The fields where the task, as someone else left it, differs from what was typed: shown
     * after a conflict, so whoever saves again knows what they would overwrite.
     */
    static List<Difference> differences(TaskBoard.Card card, Map<String, String> typed, Map<String, String> people,
            List<TaskBoard.ListRef> lists) {
        Map<String, String> now = values(card);
        List<Difference> differences = new ArrayList<>();
        for (String field : List.of("title", "description", "status", "priority", "dueAt")) {
            if (typed.containsKey(field) && !lines(typed.get(field)).equals(lines(now.get(field)))) {
                differences.add(new Difference(field, now.get(field).isEmpty() ? "(empty)" : now.get(field)));
            }
        }
        if (typed.containsKey("assigneeId") && !typed.get("assigneeId").equals(now.get("assigneeId"))) {
            String assignee = now.get("assigneeId");
            differences.add(new Difference("assignee", assignee.isEmpty() ? "nobody"
                    : people.getOrDefault(assignee, assignee)));
        }
        if (typed.containsKey("blockers") && !blockers(typed.get("blockers")).equals(card.blockers())) {
            differences.add(new Difference("blockers", card.blockers().isEmpty() ? "(none)"
                    : String.join("; ", card.blockers())));
        }
        if (typed.containsKey("listsShown") && !new java.util.HashSet<>(List.of(typed.get("lists").split(",")))
                .equals(new java.util.HashSet<>(List.of(now.get("lists").split(","))))) {
            differences.add(new Difference("lists", card.listIds().isEmpty() ? "(none)" : lists.stream()
                    .filter(list -> card.listIds().contains(list.id())).map(TaskBoard.ListRef::name)
                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        return differences;
    }

    /** Text as a browser sends it back: its line breaks as \r\n. */
    private static String lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> blockers(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The task's fields as the edit form shows them. */
    static Map<String, String> values(TaskBoard.Card card) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", card.title());
        values.put("description", card.description());
        values.put("status", card.status());
        values.put("priority", card.priority());
        values.put("dueAt", Dates.dueField(card.dueAt()));
        values.put("assigneeId", card.assigneeId() == null ? "" : card.assigneeId());
        values.put("blockers", String.join("\n", card.blockers()));
        values.put("lists", String.join(",", card.listIds()));
        values.put("version", String.valueOf(card.version()));
        return values;
    }

    private ArrayNode placements(List<String> listIds) {
        ArrayNode array = json.createArrayNode();
        new ArrayList<>(listIds).forEach(id -> array.addObject().put("id", id));
        return array;
    }

    private static String value(MultiValueMap<String, String> form, String field) {
        @Nullable String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}
