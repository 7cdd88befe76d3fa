/** Master tasks: reusable task templates for positions, soft-deleted, created only for positions one may edit. */
@NullMarked
package io.taskgate.mastertask;

import org.jspecify.annotations.NullMarked;
