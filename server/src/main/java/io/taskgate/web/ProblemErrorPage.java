package io.taskgate.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page the servlet container forwards to when it refuses a request itself, before the
 * application sees it (a {@code TRACE}, which Tomcat never lets through), or when a failure
 * escapes the application's handlers (one while a view is rendered or a redirect sent). Spring
 * Boot's default answers its own JSON shape there; this answers the RFC 9457 problem every other
 * refusal has — or, to a browser, the page of the feature whose address failed when it has one
 * (an {@link ErrorViewResolver}: the console's).
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden // the container's error path, no operation of the API
class ProblemErrorPage implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorPage.class);

    private final List<ErrorViewResolver> pages;

    ProblemErrorPage(List<ErrorViewResolver> pages) {
        this.pages = pages;
    }

    /** A {@link ModelAndView} when a feature has a page for the address, else the problem. */
    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    Object page(HttpServletRequest request) {
        for (ErrorViewResolver resolver : pages) {
            ModelAndView page = resolver.resolveErrorView(request, status(request), Map.of());
            if (page != null) {
                return page;
            }
        }
        return error(request);
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status == HttpStatus.METHOD_NOT_ALLOWED
                ? "This method is not allowed here: the Allow header lists those that are"
                : "The server could not handle this request");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", ProblemResponses.codeFor(status));
        if (status.is5xxServerError()) {
            // A failure that left the handlers: logged under the id the answer names (README, 500s).
            String correlationId = RequestLogging.requestId(request);
            log.error("Unexpected failure, correlationId={}", correlationId,
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure ? failure
                            : null);
            problem.setProperty("correlationId", correlationId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
