package io.taskgate.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.taskgate.web.ApiProblem;
import io.taskgate.web.RequestLogging;

/**
 * How console pages fail: the API's problems become pages with the same meaning — 404 reveals
 * nothing, 403 shows the decision core's explanation and remedies — and an expired session
 * leads back to the login page. Ordered before the API's problem+json advice, and limited to
 * this package, so API answers are untouched.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    /** The title of the page of a bug, here and in {@link ConsoleErrorPage}. */
    static final String FAILED = "Something went wrong";

    private final Csrf csrf;
    private final ConsoleWeb web;
    private final Layout layout;

    ConsoleErrors(Csrf csrf, ConsoleWeb web, Layout layout) {
        this.csrf = csrf;
        this.web = web;
        this.layout = layout;
    }

    /** Every console page and fragment carries the CSRF token of this browser. */
    @ModelAttribute
    void csrfToken(HttpServletRequest request, HttpServletResponse response, Model model) {
        String token = csrf.tokenFor(request, response);
        model.addAttribute("csrf", token);
        model.addAttribute("csrfHeaders", "{\"" + Csrf.HEADER + "\": \"" + token + "\"}");
    }

    @ExceptionHandler(NotSignedIn.class)
    String notSignedIn(HttpServletRequest request, HttpServletResponse response) {
        Cookies.clear(request, response, Cookies.SESSION);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", "/login");
            return "console/fragments :: empty";
        }
        // Back to the page asked for once logged in; a form's submission is not worth going back to.
        if ("GET".equals(request.getMethod()) && !request.getRequestURI().equals("/")) {
            String asked = request.getRequestURI() + (request.getQueryString() == null ? ""
                    : "?" + request.getQueryString());
            return "redirect:/login?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
        }
        return "redirect:/login";
    }

    @ExceptionHandler(CsrfRejected.class)
    String csrfRejected(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, 403, "This form has expired",
                "The page was open too long, or came from another site. Reload it and try again.", null);
    }

    /** The page of a console URL that nothing answers ({@link ConsoleNotFound}). */
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, 404, "Not found", "There is nothing here, or you may not see it.",
                null);
    }

    /** The page of a form's address opened with GET ({@link ConsoleNotFound}): after a refused form, say. */
    String formAddress(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, 405, "This address takes a form, not a visit",
                "It is where a form of the console is sent. Go back to the page the form was on.", null);
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        return switch (problem.status().value()) {
            case 401 -> notSignedIn(request, response);
            case 404 -> notFound(request, response, model);
            case 403 -> page(request, response, model, 403, "Not allowed", problem.getMessage(), problem.properties());
            default -> page(request, response, model, problem.status().value(), problem.status().getReasonPhrase(),
                    problem.getMessage(), problem.properties());
        };
    }

    /**
     * A form field or parameter that is not what the console's own pages send (a version or an
     * index that is not a number, a percent-escape that is not UTF-8): only a tampered or
     * hand-made request carries one.
     */
    @ExceptionHandler({TypeMismatchException.class, InvalidParameterException.class})
    String malformed(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, 400, "This request cannot be handled",
                "A field of the form was not what this page sends. Go back, reload the page and try again.", null);
    }

    /** Spring MVC's own refusals (a missing parameter, a wrong method) keep their 4xx status; the rest is a bug. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return page(request, response, model, known.getStatusCode().value(), "This request cannot be handled",
                    "Go back, reload the page and try again.", null);
        }
        String correlationId = RequestLogging.currentRequestId();
        log.error("Unexpected failure in the console, correlationId={}", correlationId, e);
        return page(request, response, model, 500, FAILED, quote(correlationId), null);
    }

    /** The detail of the page of a bug: the reference that leads to its stack trace in the log. */
    static String quote(String correlationId) {
        return "Quote this reference when reporting it: " + correlationId;
    }

    private String page(HttpServletRequest request, HttpServletResponse response, Model model, int status,
            String title, String detail, @Nullable Map<String, Object> properties) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        Object remedies = properties == null ? null : properties.get("remedies");
        model.addAttribute("requiredPermission", properties == null ? null : properties.get("requiredPermission"));
        model.addAttribute("remedies", remedies instanceof List<?> list ? list : List.of());
        model.addAttribute("signedIn", Cookies.read(request, Cookies.SESSION).isPresent());
        if (!model.containsAttribute("csrf")) {
            csrfToken(request, response, model);
        }
        if (status == 403 || status == 404) {
            frame(request, model);
        }
        return "console/error";
    }

    /**
     * The top bar of the console for a signed-in person — their workspaces, never the one refused
     * — so a refusal or a missing page keeps them inside the console. Only for 403 and 404: a 500
     * may come from the very store the frame would read.
     */
    private void frame(HttpServletRequest request, Model model) {
        if (Cookies.read(request, Cookies.SESSION).isEmpty()) {
            return;
        }
        try {
            layout.frameOutside(model, web.viewer(request), "");
        } catch (NotSignedIn expired) {
            model.addAttribute("signedIn", false);
        }
    }
}
