package io.taskgate.console;

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

/** The person's own account: a new password (which ends their other sessions), or every session ended. */
@Controller
class AccountPages {

    private final IdentityService identity;
    private final Layout layout;
    private final Forms forms;

    AccountPages(IdentityService identity, Layout layout, Forms forms) {
        this.identity = identity;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping("/account")
    String account(Viewer viewer, @RequestParam(required = false) @Nullable String changed, Model model) {
        return page(viewer, model, changed != null, null);
    }

    @PostMapping("/account/password")
    String changePassword(Viewer viewer, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        try {
            var change = forms.valid(new AuthController.ChangePassword(form.getOrDefault("currentPassword", ""),
                    form.getOrDefault("newPassword", "")));
            identity.changePassword(viewer.user(), viewer.sessionToken(), change.currentPassword(),
                    change.newPassword());
            return "redirect:/account?changed";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            if (problem.properties().get("retryAfterSeconds") instanceof Long seconds) {
                response.setHeader("Retry-After", Long.toString(seconds));
            }
            return page(viewer, model, false, Problem.of("password", problem));
        }
    }

    /** Every session ends, this browser's too: it goes to the login page. */
    @PostMapping("/account/sessions/end")
    String endEverySession(Viewer viewer, HttpServletRequest request, HttpServletResponse response) {
        identity.logOutEverywhere(viewer.user());
        Cookies.clear(request, response, Cookies.SESSION);
        return "redirect:/login";
    }

    /** Never the passwords typed: the form comes back empty, with the reason. */
    private String page(Viewer viewer, Model model, boolean changed, @Nullable Problem problem) {
        layout.frameOutside(model, viewer, "account");
        model.addAttribute("changed", changed);
        model.addAttribute("problem", problem);
        return "console/account";
    }
}
