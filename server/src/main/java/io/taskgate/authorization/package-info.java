/**
 * The server's side of access control: loads the facts of a request in one query, asks the
 * decision core, and turns a denial into a 403 (with its explanation) or a 404.
 */
@NullMarked
package io.taskgate.authorization;

import org.jspecify.annotations.NullMarked;
