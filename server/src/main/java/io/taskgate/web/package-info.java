/** Cross-cutting HTTP: problem details, pagination, request logging, JSON strictness. */
@NullMarked
package io.taskgate.web;

import org.jspecify.annotations.NullMarked;
