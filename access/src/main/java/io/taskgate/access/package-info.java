/**
 * The authorization decision core: a pure function from loaded facts (principal, resource) and an
 * {@link io.taskgate.access.Action} to an explained {@link io.taskgate.access.Decision}. No framework,
 * no I/O; the rules are written down in {@code docs/access-model.md}.
 */
@NullMarked
package io.taskgate.access;

import org.jspecify.annotations.NullMarked;
