/** JMH benchmarks of the decision core against jCasbin; run by hand, reported in docs/benchmarks.md. */
@NullMarked
package io.taskgate.bench;

import org.jspecify.annotations.NullMarked;
