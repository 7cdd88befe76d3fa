package io.taskgate.console;

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
     * Only a path of this site: {@code next} comes from a URL anyone can craft, and must not send
     * a person who just logged in to another site (nor hold the braces a redirect would expand).
     */
    static String safeNext(@Nullable String next) {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
                && next.chars().noneMatch(c -> c < 0x20 || c == '\\' || c == '{' || c == '}');
        return local ? next : "/";
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
