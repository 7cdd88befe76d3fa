package io.taskgate.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The API speaks JSON only. A YAML library on the class path (the OpenAPI tooling brings one) would
 * otherwise have Spring read a YAML body and answer YAML to {@code Accept: application/yaml}; its
 * converter is dropped, with any other non-JSON structured format, so such a body is a 415 and
 * such an {@code Accept} a 406.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

    private static final Set<String> OTHER_FORMATS = Set.of("yaml", "x-yaml", "xml", "cbor", "x-jackson-smile");

    /**
     * An {@code Accept} that takes no JSON is refused before the handler runs: Spring finds out only
     * when writing the answer, after the change was made, so a 406 once came with a task created
     * (or an API key whose secret nobody saw) and a retry made a second one.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotAcceptableException {
                if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
                    throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
                }
                return true;
            }
        }).addPathPatterns("/api/v1/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    /** Whether JSON (or problem JSON) is acceptable: the most specific range naming it has a quality above 0. */
    static boolean acceptsJson(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return true; // left to Spring, which answers a malformed Accept as it always has
        }
        return accepts(ranges, MediaType.APPLICATION_JSON) || accepts(ranges, MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static boolean accepts(List<MediaType> ranges, MediaType type) {
        return ranges.stream().filter(range -> range.includes(type))
                .max(Comparator.comparingInt(JsonOnly::specificity))
                .map(range -> range.getQualityValue() > 0)
                .orElse(false);
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() || range.getSubtype().startsWith("*+") ? 1 : 2;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnly::speaksAnotherFormat));
    }

    private static boolean speaksAnotherFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> OTHER_FORMATS.contains(type.getSubtype()) || type.getSubtype().endsWith("+xml")
                        || type.getSubtype().endsWith("+yaml"));
    }

    /**
     * {@code application/problem+json} labels problems only. A client accepting it before plain JSON
     * ({@code Accept: application/problem+json, application/json;q=0.5}) would otherwise get a
     * successful answer labelled as a problem, since Jackson writes both types.
     */
    @ControllerAdvice
    static class SuccessIsNeverLabelledAProblem implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
                MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
                ServerHttpRequest request, ServerHttpResponse response) {
            if (!(body instanceof ProblemDetail) && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selectedContentType)) {
                HttpHeaders headers = response.getHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
            }
            return body;
        }
    }
}
