package io.taskgate.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's lookup tries every mapping in turn for a path holding a variable: some 170 here,
 * API and console alike, on every request (12% of the server's CPU while creating tasks). This
 * mapping first narrows to the mappings that could match at all, those for the request's method
 * whose patterns have as many segments as its path (plus any pattern spanning segments). When
 * exactly one of them matches, no other mapping can, so it is the answer Spring's lookup would
 * give. In every other case (none, several, {@code HEAD}, {@code OPTIONS}) Spring's own lookup
 * runs, so its refusals (405, 406, 415) and its choice among several matches stay its own.
 */
class IndexedRequestMappings extends RequestMappingHandlerMapping {

    private static final Set<String> INDEXED_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {
    }

    /** Candidates by method and segment count ({@code "POST 5"}), and those matching any count. */
    private record Index(Map<String, List<Candidate>> byMethodAndDepth, List<Candidate> anyDepth) {
    }

    private volatile @Nullable Index index;

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        String method = request.getMethod();
        if (!INDEXED_METHODS.contains(method) || CorsUtils.isPreFlightRequest(request)) {
            return lookUpAmongAll(lookupPath, request);
        }
        Index current = index();
        RequestMappingInfo matched = null;
        HandlerMethod handler = null;
        for (List<Candidate> candidates : List.of(
                current.byMethodAndDepth().getOrDefault(key(method, depth(lookupPath)), List.of()),
                current.anyDepth())) {
            for (Candidate candidate : candidates) {
                RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
                if (match == null) {
                    continue;
                }
                if (matched != null) {
                    return lookUpAmongAll(lookupPath, request);
                }
                matched = match;
                handler = candidate.handler();
            }
        }
        if (matched == null) {
            return lookUpAmongAll(lookupPath, request);
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matched, lookupPath, request);
        return handler;
    }

    /** Spring's own lookup, through every mapping. */
    @Nullable HandlerMethod lookUpAmongAll(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    // Mappings registered or removed while serving: the index is built again from the registry.
    // Dropped before and after, so that no lookup keeps using the index of before.

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        index = null;
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        index = null;
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        index = null;
        super.unregisterMapping(mapping);
        index = null;
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            current = build(getHandlerMethods());
            index = current;
        }
        return current;
    }

    private static Index build(Map<RequestMappingInfo, HandlerMethod> mappings) {
        Map<String, List<Candidate>> byMethodAndDepth = new HashMap<>();
        List<Candidate> anyDepth = new ArrayList<>();
        mappings.forEach((info, handler) -> {
            Candidate candidate = new Candidate(info, handler);
            Set<String> patterns = info.getPatternValues();
            if (patterns.isEmpty() || patterns.stream().anyMatch(IndexedRequestMappings::spansSegments)) {
                anyDepth.add(candidate);
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String method : INDEXED_METHODS) {
                if (!methods.isEmpty() && !methods.contains(RequestMethod.valueOf(method))) {
                    continue;
                }
                patterns.stream().map(IndexedRequestMappings::depth).distinct().forEach(depth ->
                        byMethodAndDepth.computeIfAbsent(key(method, depth), k -> new ArrayList<>()).add(candidate));
            }
        });
        return new Index(Map.copyOf(byMethodAndDepth), List.copyOf(anyDepth));
    }

    private static boolean spansSegments(String pattern) {
        return pattern.isEmpty() || pattern.contains("**") || pattern.contains("{*");
    }

    /** Separators in a path or pattern: a variable or a segment wildcard never holds one. */
    private static int depth(String path) {
        int separators = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                separators++;
            }
        }
        return separators;
    }

    private static String key(String method, int depth) {
        return method + " " + depth;
    }
}

/** Has Spring Boot build the API's and the console's mappings as {@link IndexedRequestMappings}. */
@Component
class IndexedRequestMappingsRegistration implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new IndexedRequestMappings();
    }
}
