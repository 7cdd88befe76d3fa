/** Per-principal request budgets: past them a client gets 429 with Retry-After, not a slower server for everyone. */
@NullMarked
package io.taskgate.ratelimit;

import org.jspecify.annotations.NullMarked;
