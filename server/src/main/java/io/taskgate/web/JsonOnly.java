package io.taskgate.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
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
