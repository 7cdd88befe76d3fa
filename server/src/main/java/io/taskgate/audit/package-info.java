/** The audit trail: one event per change, written in the change's own transaction, readable with audit.read. */
@NullMarked
package io.taskgate.audit;

import org.jspecify.annotations.NullMarked;
