/** Job positions (e.g. "Barista") with their managers and staff, which position-based rules refer to. */
@NullMarked
package io.taskgate.position;

import org.jspecify.annotations.NullMarked;
