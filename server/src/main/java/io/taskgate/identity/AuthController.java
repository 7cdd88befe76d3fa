package io.taskgate.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final IdentityService identity;

    AuthController(IdentityService identity) {
        this.identity = identity;
    }

    public record SignUp(
            @NotBlank(message = "is required") @Email(message = "is not an email address")
            @Size(max = 320, message = "must be at most 320 characters") String email,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            // Named with the other fields here; IdentityService also counts characters, not UTF-16 units.
            @NotNull(message = "is required") @Size(min = 8, message = "must be at least 8 characters")
            @Utf8MaxBytes(IdentityService.MAX_PASSWORD_BYTES) String password) {
    }

    public record LogIn(@NotBlank(message = "is required") String email, @NotNull(message = "is required") String password) {
    }

    public record ChangePassword(@NotNull(message = "is required") String currentPassword,
            @NotNull(message = "is required") @Size(min = 8, message = "must be at least 8 characters")
            @Utf8MaxBytes(IdentityService.MAX_PASSWORD_BYTES) String newPassword) {
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    IdentityService.SignedUp signUp(@Valid @RequestBody SignUp request) {
        return identity.signUp(request.email(), request.name(), request.password());
    }

    /** The answer holds a session token: no cache (nor an idempotency record) may keep it. */
    @PostMapping("/login")
    ResponseEntity<IdentityService.LoggedIn> logIn(@Valid @RequestBody LogIn request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(identity.logIn(request.email(), request.password()));
    }

    /**
     * Ends the session whose token authenticated this request. An API key is no session: answering
     * 204 would let its holder believe it ended, while it keeps working until it is revoked.
     */
    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @PostMapping("/logout")
    ResponseEntity<Void> logOut(Caller.User person, HttpServletRequest request) {
        identity.logOut(BearerToken.from(request).orElseThrow());
        return ResponseEntity.noContent().build();
    }

    /** Ends every session of the person, this one included. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/sessions")
    ResponseEntity<Void> logOutEverywhere(Caller.User person) {
        identity.logOutEverywhere(person);
        return ResponseEntity.noContent().build();
    }

    /**
     * Replaces the password and ends the person's other sessions; this one stays. The person is
     * resolved before the body: an API key is told it has no password whatever it sent.
     */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(Caller.User person, @Valid @RequestBody ChangePassword change,
            HttpServletRequest request) {
        identity.changePassword(person, BearerToken.from(request).orElseThrow(), change.currentPassword(),
                change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
