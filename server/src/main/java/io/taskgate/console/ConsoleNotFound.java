package io.taskgate.console;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.http.server.PathContainer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ConsoleNotFound(ConsoleErrors errors,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.errors = errors;
        this.mappings = mappings;
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
        if (formAddressOpened) {
            // After a refused form the address bar keeps the form's address: reopening it (Enter,
            // a restored tab) goes back to the page the form was on.
            String page = nearestPage(request.getRequestURI().substring(request.getContextPath().length()));
            if (page != null) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + page);
                return new ModelAndView();
            }
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

    /** The closest page above a form's address: the longest leading part of it that a GET answers. */
    private @Nullable String nearestPage(String formAddress) {
        List<String> segments = List.of(formAddress.substring(1).split("/"));
        for (int keep = segments.size() - 1; keep >= 1; keep--) {
            PathContainer candidate = PathContainer.parsePath("/" + String.join("/", segments.subList(0, keep)));
            boolean answered = mappings.getObject().getHandlerMethods().keySet().stream().anyMatch(mapping ->
                    (mapping.getMethodsCondition().getMethods().isEmpty()
                            || mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                    && mapping.getPathPatternsCondition() != null
                    && mapping.getPathPatternsCondition().getPatterns().stream()
                            .anyMatch(pattern -> pattern.matches(candidate)));
            if (answered) {
                return candidate.value();
            }
        }
        return null;
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
