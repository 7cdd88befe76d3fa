/** Who is calling: accounts, sign-up and login, session tokens, and authentication of every request. */
@NullMarked
package io.taskgate.identity;

import org.jspecify.annotations.NullMarked;
