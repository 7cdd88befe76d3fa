package io.taskgate.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to when it refuses a request itself, before the
 * application sees it (a {@code TRACE}, which Tomcat never lets through). Spring Boot's default
 * answers its own JSON shape there; this answers the RFC 9457 problem every other refusal has.
 */
@RestController
class ProblemErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status == HttpStatus.METHOD_NOT_ALLOWED
                ? "This method is not allowed here: the Allow header lists those that are"
                : "The server could not handle this request");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", ProblemResponses.codeFor(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
