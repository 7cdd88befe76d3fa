/** Workspaces, the people in them and their workspace roles. */
@NullMarked
package io.taskgate.workspace;

import org.jspecify.annotations.NullMarked;
