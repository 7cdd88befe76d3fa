package io.taskgate.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import io.taskgate.web.RequestLogging;

/**
 * The console's page for a failure that got past {@link ConsoleErrors} — thrown while a view was
 * rendered or a redirect sent, after the handler's advice had its turn — which the servlet
 * container forwards to the application's error page. A browser on a console address gets this
 * page, with the correlation id of the request, rather than the API's problem+json.
 */
@Component
class ConsoleErrorPage implements ErrorViewResolver {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorPage.class);

    @Override
    public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status,
            Map<String, Object> errorAttributes) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !ConsoleWeb.isConsolePath(request, uri)) {
            return null;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        if (status.is5xxServerError()) {
            String correlationId = RequestLogging.requestId(request);
            // The container logs it too, but without the correlation id: the request has left its filter.
            log.error("Unexpected failure in the console, correlationId={}", correlationId,
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            model.put("title", ConsoleErrors.FAILED);
            model.put("detail", ConsoleErrors.quote(correlationId));
        } else {
            model.put("title", "This request cannot be handled");
            model.put("detail", "Go back, reload the page and try again.");
        }
        model.put("remedies", List.of());
        model.put("signedIn", Cookies.read(request, Cookies.SESSION).isPresent());
        return new ModelAndView("console/error", model, status);
    }
}
