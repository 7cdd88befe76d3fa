/** Teams: named groups of users and API clients, which can in turn be members of projects. */
@NullMarked
package io.taskgate.team;

import org.jspecify.annotations.NullMarked;
