package io.taskgate.mastertask;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PATCH /master-tasks} as the OpenAPI document shows it; only
 * the document reads it ({@link MasterTaskFields} reads the JSON itself, to tell a field left out
 * from one sent as null).
 */
@Schema(name = "MasterTaskInput", description = "On PATCH, every field is optional")
record MasterTaskInput(
        @Schema(minLength = 1, maxLength = MasterTaskFields.MAX_NAME, description = "required on creation")
        String name,
        @ArraySchema(minItems = 1, arraySchema = @Schema(description = "required on creation: the caller must manage"
                + " each, or hold shift.edit on it, or positions.manage")) List<String> positionIds,
        @Schema(maxLength = MasterTaskFields.MAX_DESCRIPTION, defaultValue = "") String description,
        @Schema(pattern = "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$", defaultValue = "#B0BFC5") String color,
        @Schema(defaultValue = "false") Boolean favorite) {
}
