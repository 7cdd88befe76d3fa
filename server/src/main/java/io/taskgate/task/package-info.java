/** Tasks of the three types (private, project, staff) and the lists project tasks sit in. */
@NullMarked
package io.taskgate.task;

import org.jspecify.annotations.NullMarked;
