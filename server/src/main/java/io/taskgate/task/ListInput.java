package io.taskgate.task;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PATCH …/lists} as the OpenAPI document shows it; only the
 * document reads it (the list's fields are read from the JSON itself, as {@link TaskInput} says why).
 */
@Schema(name = "ListInput")
record ListInput(
        @Schema(minLength = 1, maxLength = TaskListService.MAX_NAME, description = "required on creation") String name,
        @Schema(description = "its place among the project's lists; left out on creation, it goes last") Long order) {
}
