package io.taskgate.task;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /tasks}, {@code POST /staff/tasks} and {@code PATCH /tasks/{id}} as the
 * OpenAPI document shows it. Only the document reads it: {@link TaskFields} reads the JSON itself,
 * since a PATCH must tell a field left out (unchanged) from one sent as null (cleared), which a
 * record cannot. The bounds here are TaskFields' own constants.
 */
@Schema(name = "TaskInput",
        description = "On PATCH, every field is optional: one left out is unchanged, null clears it")
record TaskInput(
        @Schema(allowableValues = {"private", "project", "staff"}, description = "required on POST /tasks;"
                + " staff (or left out) on POST /staff/tasks; cannot change") String type,
        @Schema(description = "required for a project task") String projectId,
        @Schema(minLength = 1, maxLength = TaskFields.MAX_TITLE, description = "required on creation") String title,
        @Schema(maxLength = TaskFields.MAX_DESCRIPTION, defaultValue = "") String description,
        @Schema(allowableValues = {"pending", "in-progress", "blocked", "completed"}, defaultValue = "pending")
        String status,
        @Schema(allowableValues = {"low", "medium", "high"}, defaultValue = "medium") String priority,
        @Schema(format = "date-time", description = "ISO-8601, or a date alone (its midnight UTC); kept to the"
                + " microsecond, years 0001-9999") String dueAt,
        @ArraySchema(maxItems = TaskFields.MAX_BLOCKERS, schema = @Schema(maxLength = TaskFields.MAX_BLOCKER))
        List<String> blockers,
        @Schema(description = "required for a staff task: an active member of the workspace") String assigneeId,
        @ArraySchema(schema = @Schema(implementation = Placement.class),
                arraySchema = @Schema(description = "a project task's lists of its project; replaced as a whole"))
        List<Placement> lists) {

    @Schema(name = "TaskListPlacement")
    record Placement(String id, @Schema(description = "its place in the list; left out, it goes last") Long order) {
    }
}
