package io.taskgate.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A URL nothing answers is the console's 404 page when it is a console page's URL (and a form's
 * address opened as a page, its 405 page), and is left
 * to the API's problem+json answer otherwise. No console handler ran, so {@link ConsoleErrors}' advice
 * (limited to console handlers) never sees these; this resolver runs before Spring MVC's own and
 * steps aside — returns null — for every other failure and every non-console path.
 */
@Component
class ConsoleNotFound implements HandlerExceptionResolver, Ordered {

    private final ConsoleErrors errors;

    ConsoleNotFound(ConsoleErrors errors) {
        this.errors = errors;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception exception) {
        boolean nothingHere = exception instanceof NoResourceFoundException
                || exception instanceof NoHandlerFoundException;
        // A form's address opened as a page: the address bar keeps it after a refused form.
        boolean formAddressOpened = exception instanceof HttpRequestMethodNotSupportedException
                && "GET".equals(request.getMethod());
        if (!(nothingHere || formAddressOpened) || !ConsoleWeb.isConsolePath(request) || looksLikeAFile(request)) {
            return null;
        }
        if (exception instanceof HttpRequestMethodNotSupportedException refused
                && refused.getSupportedMethods() != null) {
            response.setHeader("Allow", String.join(", ", refused.getSupportedMethods()));
        }
        ExtendedModelMap model = new ExtendedModelMap();
        String view = nothingHere ? errors.notFound(request, response, model)
                : errors.formAddress(request, response, model);
        return new ModelAndView(view, model);
    }

    /**
     * Console pages have no file extension; a missing file (a stylesheet, {@code /favicon.ico})
     * keeps the plain 404, without a page built for it — and Thymeleaf would label a page at
     * {@code /x.css} as CSS.
     */
    private static boolean looksLikeAFile(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    /** Before Spring MVC's resolvers (order 0), which would answer with the API's problem+json. */
    @Override
    public int getOrder() {
        return -1;
    }
}
