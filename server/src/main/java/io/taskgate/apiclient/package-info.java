/** API clients — machine principals with a workspace role and an access level — and their keys. */
@NullMarked
package io.taskgate.apiclient;

import org.jspecify.annotations.NullMarked;
