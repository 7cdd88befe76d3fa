package io.taskgate.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.identity.AuthController;
import io.taskgate.identity.IdentityService;
import io.taskgate.web.ApiProblem;
import io.taskgate.workspace.WorkspaceService;

/** Sign up, log in and log out: the API's identity use cases, with the session token kept in a cookie. */
@Controller
class AuthPages {

    /** RFC 3986's unreserved and sub-delims characters, and those of a path and a query beside them. */
    private static final String URL_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final IdentityService identity;
    private final ConsoleWeb web;
    private final Layout layout;
    private final Forms forms;
    private final Clock clock;

    AuthPages(IdentityService identity, ConsoleWeb web, Layout layout, Forms forms, Clock clock) {
        this.identity = identity;
        this.web = web;
        this.layout = layout;
        this.forms = forms;
        this.clock = clock;
    }

    /** The console's front door: the first workspace, the workspace list, or the login page. */
    @GetMapping("/")
    String home(HttpServletRequest request) {
        Viewer viewer = web.viewer(request);
        List<WorkspaceService.WorkspaceView> mine = layout.mine(viewer);
        return mine.isEmpty() ? "redirect:/workspaces" : "redirect:/w/" + mine.getFirst().id() + "/projects";
    }

    /** {@code next}: the page that sent a signed-out visitor here, to go back to once logged in. */
    @GetMapping("/login")
    String loginPage(@RequestParam(defaultValue = "") String next, HttpServletRequest request, Model model) {
        if (signedIn(request)) {
            return "redirect:" + safeNext(next);
        }
        model.addAttribute("form", Map.of("next", next));
        return "console/login";
    }

    private boolean signedIn(HttpServletRequest request) {
        try {
            web.viewer(request);
            return true;
        } catch (NotSignedIn notYet) {
            return false;
        }
    }

    /**
     * Where to go once logged in: a plain path of this site, else the default page. {@code next}
     * comes from a URL anyone can craft, so it must not send a person who just logged in to another
     * site ({@code //host}, {@code /\host}), hold the braces a redirect would expand, or climb
     * with dot segments ({@code /w/../..}, which the servlet container refuses to redirect to, as a
     * 500). What is kept is percent-encoded: a Location header holds URL characters only.
     */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.chars().anyMatch(
                c -> c < 0x20 || c == 0x7f || c == '\\' || c == '{' || c == '}' || c == '#')) {
            return "/";
        }
        int query = next.indexOf('?');
        for (String segment : (query < 0 ? next : next.substring(0, query)).split("[/;]", -1)) {
            // A browser reads %2e as a dot in a path.
            String dots = segment.replace("%2e", ".").replace("%2E", ".");
            if (dots.equals(".") || dots.equals("..")) {
                return "/";
            }
        }
        return percentEncoded(next);
    }

    /** Every character a URL may not hold as it is, as UTF-8 percent-escapes; escapes already there are kept. */
    private static String percentEncoded(String local) {
        StringBuilder encoded = new StringBuilder(local.length());
        byte[] bytes = local.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escapeAlready = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escapeAlready || (b < 0x80 && URL_CHARACTERS.indexOf(b) >= 0)) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    @PostMapping("/login")
    String logIn(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            var valid = forms.valid(new AuthController.LogIn(form.getOrDefault("email", ""),
                    form.getOrDefault("password", "")));
            startSession(request, response, identity.logIn(valid.email(), valid.password()));
            return "redirect:" + safeNext(form.get("next"));
        } catch (ApiProblem problem) {
            return refused(model, response, "console/login", form, problem);
        }
    }

    @GetMapping("/signup")
    String signUpPage(HttpServletRequest request, Model model) {
        if (signedIn(request)) {
            return "redirect:/";
        }
        model.addAttribute("form", Map.of());
        return "console/signup";
    }

    @PostMapping("/signup")
    String signUp(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            var valid = forms.valid(new AuthController.SignUp(form.getOrDefault("email", ""),
                    form.getOrDefault("name", ""), form.getOrDefault("password", "")));
            identity.signUp(valid.email(), valid.name(), valid.password());
            startSession(request, response, identity.logIn(valid.email(), valid.password()));
            return "redirect:/workspaces";
        } catch (ApiProblem problem) {
            return refused(model, response, "console/signup", form, problem);
        }
    }

    @PostMapping("/logout")
    String logOut(HttpServletRequest request, HttpServletResponse response) {
        Cookies.read(request, Cookies.SESSION).ifPresent(identity::logOut);
        Cookies.clear(request, response, Cookies.SESSION);
        return "redirect:/login";
    }

    private void startSession(HttpServletRequest request, HttpServletResponse response,
            IdentityService.LoggedIn session) {
        Cookies.write(request, response, Cookies.SESSION, session.accessToken(),
                Duration.between(clock.instant(), session.expiresAt()));
    }

    /** The form again, with what was typed (never the password) and why it was refused. */
    private static String refused(Model model, HttpServletResponse response, String view, Map<String, String> form,
            ApiProblem problem) {
        response.setStatus(problem.status().value());
        if (problem.properties().get("retryAfterSeconds") instanceof Long seconds) {
            response.setHeader("Retry-After", Long.toString(seconds));
        }
        Map<String, String> typed = new java.util.HashMap<>(form);
        typed.remove("password");
        typed.remove(Csrf.FIELD);
        model.addAttribute("form", typed);
        model.addAttribute("problem", Problem.of("auth", problem));
        return view;
    }
}
