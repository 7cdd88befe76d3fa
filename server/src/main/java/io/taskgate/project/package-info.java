/** Projects, their visibility and their members (people, API clients and teams). */
@NullMarked
package io.taskgate.project;

import org.jspecify.annotations.NullMarked;
