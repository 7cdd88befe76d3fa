package io.taskgate.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.taskgate.support.Timestamps;
import io.taskgate.web.JsonBody;
import tools.jackson.databind.JsonNode;

/**
 * The task fields a request sent, validated against PRODUCT.md's rules: title 1–500 characters,
 * description at most 2000, the status and priority vocabularies, an ISO-8601 {@code dueAt}, at
 * most 20 blockers of at most 200 characters. {@code present} tells which fields the body held,
 * so a PATCH can clear a value ({@code "dueAt": null}) or leave it alone (absent).
 */
record TaskFields(
        Set<String> present,
        @Nullable String type,
        @Nullable String projectId,
        @Nullable String title,
        @Nullable String description,
        @Nullable String status,
        @Nullable String priority,
        @Nullable Instant dueAt,
        @Nullable List<String> blockers,
        @Nullable String assigneeId,
        @Nullable List<Placement> lists) {

    static final Set<String> TYPES = Set.of("private", "project", "staff");
    static final Set<String> STATUSES = Set.of("pending", "in-progress", "blocked", "completed");
    static final Set<String> PRIORITIES = Set.of("low", "medium", "high");
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_BLOCKERS = 20;
    static final int MAX_BLOCKER = 200;
    /**
     * Orders in lists, either way: far beyond any list, and far from the end of bigint, so that
     * "last + 1" can never overflow (an order at the end of bigint made every append a 500).
     */
    static final long MAX_ORDER = 1_000_000_000_000_000L;

    /** An {@code order} of a list or a place in one, refused past {@link #MAX_ORDER} either way. */
    static @Nullable Long order(JsonBody body, String field, JsonNode container) {
        Long order = body.integer("order", container);
        if (order != null && (order < -MAX_ORDER || order > MAX_ORDER)) {
            body.invalid(field, "must be between -" + MAX_ORDER + " and " + MAX_ORDER);
        }
        return order;
    }

    /** Where a project task sits in one list. */
    record Placement(String id, @Nullable Long order) {
    }

    /** Fields a collaborator or a staff assignee may change on a task assigned to them. */
    static final Set<String> STATUS_AND_BLOCKERS = Set.of("status", "blockers");

    boolean has(String field) {
        return present.contains(field);
    }

    /**
     * Whether this PATCH changes nothing but status and blockers: a field sent with the value the
     * task already has is no change, so a client may send back the task it read with a new status.
     */
    boolean changesOnlyStatusAndBlockers(Tasks.Task current) {
        return changedBeyondStatusAndBlockers(current).isEmpty();
    }

    /** The fields this PATCH changes besides status and blockers, in alphabetical order. */
    List<String> changedBeyondStatusAndBlockers(Tasks.Task current) {
        return present.stream().filter(field -> !STATUS_AND_BLOCKERS.contains(field) && changes(field, current))
                .sorted().toList();
    }

    private boolean changes(String field, Tasks.Task current) {
        return switch (field) {
            case "type" -> !Objects.equals(type, current.type());
            case "projectId" -> !Objects.equals(projectId, current.projectId());
            case "title" -> title == null || !title.strip().equals(current.title());
            case "description" -> !Objects.equals(description == null ? "" : description, current.description());
            case "priority" -> !Objects.equals(priority, current.priority());
            case "dueAt" -> !Objects.equals(dueAt, current.dueAt());
            case "assigneeId" -> !Objects.equals(assigneeId, current.assigneeId());
            case "lists" -> !samePlacements(current.lists());
            case "status" -> !Objects.equals(status, current.status());
            case "blockers" -> !Objects.equals(blockers, current.blockers());
            default -> true;
        };
    }

    /** Whether this PATCH would leave the task exactly as it is (an empty body, or only its current values). */
    boolean changesNothing(Tasks.Task current) {
        return present.stream().noneMatch(field -> changes(field, current));
    }

    /** Whether the body places the task in at least one list. */
    boolean placesInLists() {
        return lists != null && !lists.isEmpty();
    }

    /** Whether this PATCH moves the task between lists or within one (an order left out keeps its place). */
    boolean changesLists(Tasks.Task current) {
        return has("lists") && !samePlacements(current.lists());
    }

    /** The same lists, each at the order it has (an order left out matches any). */
    private boolean samePlacements(List<Placement> held) {
        if (lists == null || lists.size() != held.size()) {
            return false;
        }
        for (Placement placement : lists) {
            boolean found = held.stream().anyMatch(h -> h.id().equals(placement.id())
                    && (placement.order() == null || placement.order().equals(h.order())));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The fields of a PATCH: each one present is checked against its rules. */
    static TaskFields parse(JsonBody body) {
        TaskFields fields = read(body);
        body.throwIfInvalid();
        return fields;
    }

    /**
     * The fields of a new task, of {@code forcedType} when the endpoint fixes it: each rule of a
     * field as for a PATCH, and what a task of that type requires, in one 422 naming all.
     */
    static TaskFields parseNew(JsonBody body, @Nullable String forcedType) {
        TaskFields fields = read(body);
        String type = fields.typeToCreate(forcedType);
        if (!body.has("title")) {
            body.invalid("title", "is required");
        }
        if (type.equals("project") && fields.projectId() == null) {
            body.invalid("projectId", "is required for a project task");
        }
        if (!type.equals("project") && fields.projectId() != null) {
            body.invalid("projectId", "only a project task belongs to a project");
        }
        if (!type.equals("project") && fields.placesInLists()) {
            body.invalid("lists", "only a project task sits in lists");
        }
        if (type.equals("staff") && fields.assigneeId() == null) {
            body.invalid("assigneeId", "is required for a staff task");
        }
        body.throwIfInvalid();
        return fields;
    }

    /** The type a new task gets: the endpoint's, else the one named, else project when it names one, else private. */
    String typeToCreate(@Nullable String forcedType) {
        return forcedType != null ? forcedType : type != null ? type : projectId != null ? "project" : "private";
    }

    private static TaskFields read(JsonBody body) {
        Set<String> present = new HashSet<>();
        for (String field : List.of("type", "projectId", "title", "description", "status", "priority", "dueAt",
                "blockers", "assigneeId", "lists")) {
            if (body.has(field)) {
                present.add(field);
            }
        }
        String type = body.string("type");
        if (type != null && !TYPES.contains(type)) {
            body.invalid("type", "must be one of private, project, staff");
        }
        String title = body.string("title");
        if (body.has("title")) {
            if (title == null || title.isEmpty() || length(title) > MAX_TITLE) {
                body.invalid("title", "must be 1 to " + MAX_TITLE + " characters");
            } else if (title.isBlank()) {
                // Kept without the spaces around it, so spaces alone would be an empty title.
                body.invalid("title", "must hold more than spaces: it is kept without the spaces around it");
            }
        }
        String description = body.string("description");
        if (description != null && length(description) > MAX_DESCRIPTION) {
            body.invalid("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        String status = body.string("status");
        if (body.has("status") && (status == null || !STATUSES.contains(status))) {
            body.invalid("status", "must be one of pending, in-progress, blocked, completed");
        }
        String priority = body.string("priority");
        if (body.has("priority") && (priority == null || !PRIORITIES.contains(priority))) {
            body.invalid("priority", "must be one of low, medium, high");
        }
        Instant dueAt = dueAt(body);
        List<String> blockers = body.strings("blockers");
        if (body.isNull("blockers")) {
            body.invalid("blockers", "must be an array (empty to clear)");
        }
        if (blockers != null) {
            if (blockers.size() > MAX_BLOCKERS) {
                body.invalid("blockers", "must hold at most " + MAX_BLOCKERS + " blockers");
            }
            for (int i = 0; i < blockers.size(); i++) {
                if (length(blockers.get(i)) > MAX_BLOCKER) {
                    body.invalid("blockers[" + i + "]", "must be at most " + MAX_BLOCKER + " characters");
                }
            }
        }
        String projectId = body.string("projectId");
        String assigneeId = body.string("assigneeId");
        for (String reference : List.of("projectId", "assigneeId")) {
            String id = body.string(reference);
            if (id != null && id.isBlank()) {
                body.invalid(reference, "must not be empty: an id, or leave it out");
            }
        }
        List<Placement> lists = placements(body);
        return new TaskFields(Set.copyOf(present), type, projectId, title, description, status, priority, dueAt,
                blockers, assigneeId, lists);
    }

    private static @Nullable Instant dueAt(JsonBody body) {
        String value = body.string("dueAt");
        if (value == null) {
            return null;
        }
        Optional<Instant> parsed = Timestamps.parse(value);
        if (parsed.isEmpty()) {
            body.invalid("dueAt", "must be an ISO-8601 date-time such as 2026-12-01T17:00:00Z, or a date, in the years 0001 to 9999");
        }
        return parsed.orElse(null);
    }

    private static @Nullable List<Placement> placements(JsonBody body) {
        List<JsonNode> items = body.array("lists");
        if (items == null) {
            if (body.has("lists")) {
                // null would be read as "no change" by some clients and "no list" by others: say which to send.
                body.invalid("lists", "must be an array: [] takes the task out of every list");
            }
            return null;
        }
        List<Placement> placements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String field = "lists[" + i + "]";
            if (!item.isObject()) {
                throw JsonBody.wrongType(field, "an object {id, order}");
            }
            JsonNode id = item.get("id");
            if (id != null && !id.isNull() && !id.isString()) {
                throw JsonBody.wrongType(field + ".id", "a string");
            }
            Long order = order(body, field + ".order", item);
            if (id == null || id.isNull() || id.asString().isBlank()) {
                body.invalid(field + ".id", "is required");
                continue;
            }
            if (!seen.add(id.asString())) {
                body.invalid(field + ".id", "is listed twice");
            }
            placements.add(new Placement(body.checked(field + ".id", id.asString()), order));
        }
        return placements;
    }

    /** Characters as people count them: a surrogate pair (an emoji) is one. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
