package io.taskgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.taskgate.testing.HttpTest;

/**
 * The narrowed lookup chooses what Spring's own lookup through every mapping chooses, for every
 * path the application maps, with every method, and as a browser or an API client would ask:
 * the same handler, the same path variables, or the same refusal.
 */
class IndexedRequestMappingsTest extends HttpTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<Map<String, String>> HEADERS = List.of(
            Map.of(),
            Map.of("Accept", "application/json", "Content-Type", "application/json"),
            Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
            Map.of("Accept", "application/yaml", "Content-Type", "text/plain"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Outcome(String handler, Object variables) {
    }

    @Test
    void everyMappedPathIsAnsweredAsSpringsOwnLookupAnswersIt() throws Exception {
        assertThat(mappings).isInstanceOf(IndexedRequestMappings.class);
        IndexedRequestMappings indexed = (IndexedRequestMappings) mappings;
        int compared = 0;
        for (RequestMappingInfo info : indexed.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                for (String path : List.of(concrete(pattern), concrete(pattern) + "/x", concrete(pattern) + "/")) {
                    for (String method : METHODS) {
                        for (Map<String, String> headers : HEADERS) {
                            Outcome narrowed = outcome(() -> indexed.lookupHandlerMethod(path, request(method, path, headers)),
                                    path, method, headers);
                            Outcome all = outcome(() -> indexed.lookUpAmongAll(path, request(method, path, headers)),
                                    path, method, headers);
                            assertThat(narrowed).as("%s %s %s", method, path, headers).isEqualTo(all);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private interface Lookup {
        HandlerMethod run() throws Exception;
    }

    private MockHttpServletRequest lastRequest;

    private MockHttpServletRequest request(String method, String path, Map<String, String> headers) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        headers.forEach(request::addHeader);
        if (method.equals("OPTIONS")) {
            request.addHeader("Origin", "https://elsewhere.example");
            request.addHeader("Access-Control-Request-Method", "POST");
        }
        ServletRequestPathUtils.parseAndCache(request);
        lastRequest = request;
        return request;
    }

    private Outcome outcome(Lookup lookup, String path, String method, Map<String, String> headers) {
        try {
            HandlerMethod handler = lookup.run();
            return new Outcome(handler == null ? "none" : handler.toString(),
                    lastRequest.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
        } catch (Exception refused) {
            return new Outcome(refused.getClass().getSimpleName(), null);
        }
    }

    /** The pattern with each variable filled in, as a request would name it. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b")
                // a variable held to a choice ({as:managers|staff}) takes its first
                .replaceAll("\\{\\w+:([a-z-]+)[^}]*}", "$1")
                .replaceAll("\\{[^}]+}", "v1").replace("**", "a/b").replace("*", "x");
    }
}
