/** Small building blocks every feature shares: opaque ids, secret hashing, the clock. */
@NullMarked
package io.taskgate.support;

import org.jspecify.annotations.NullMarked;
