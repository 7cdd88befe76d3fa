/**
 * The server-rendered web console: Thymeleaf pages (with htmx for in-place updates) over the
 * same services and the same decision core as the API, signed in with a session cookie.
 */
@NullMarked
package io.taskgate.console;

import org.jspecify.annotations.NullMarked;
