/** Idempotency-Key on POST: a retry of the same request returns the first answer without a second effect. */
@NullMarked
package io.taskgate.idempotency;

import org.jspecify.annotations.NullMarked;
