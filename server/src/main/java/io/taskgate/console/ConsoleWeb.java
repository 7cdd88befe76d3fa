package io.taskgate.console;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.taskgate.identity.IdentityService;
import io.taskgate.web.ApiProblem;

/**
 * Wires the console into Spring MVC without touching the API: a {@link Viewer} parameter is
 * resolved from the session cookie, and every state-changing request to a console handler must
 * carry the CSRF token. Both apply only to handlers of this package, so {@code /api/v1/**}
 * keeps its bearer tokens and its problem+json answers.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

    private static final String VIEWER = Viewer.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** What is served beside the console, with answers of its own: the API, Actuator, OpenAPI, webjars. */
    private static final List<String> NOT_CONSOLE = List.of("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**",
            "/swagger-ui.html", "/webjars/**");
    private static final List<PathPattern> NOT_CONSOLE_PATTERNS = NOT_CONSOLE.stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final IdentityService identity;
    private final Csrf csrf;

    ConsoleWeb(IdentityService identity, Csrf csrf) {
        this.identity = identity;
        this.csrf = csrf;
    }

    static boolean isConsole(Object handler) {
        return handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().startsWith(ConsoleWeb.class.getPackageName());
    }

    /** Whether the request's path is the console's: everything but what {@link #NOT_CONSOLE} names. */
    static boolean isConsolePath(HttpServletRequest request) {
        return isConsolePath(request, request.getRequestURI());
    }

    /** Whether {@code uri}, an address of this application as the request line names it, is the console's. */
    static boolean isConsolePath(HttpServletRequest request, String uri) {
        PathContainer path = PathContainer.parsePath(uri.substring(request.getContextPath().length()));
        return NOT_CONSOLE_PATTERNS.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!isConsole(handler)) {
                    return true;
                }
                // Pages show secrets once and state that changes: never serve one from a cache.
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "same-origin");
                response.setHeader("X-Content-Type-Options", "nosniff");
                if (!SAFE_METHODS.contains(request.getMethod()) && !csrf.accepts(request)) {
                    throw new CsrfRejected();
                }
                return true;
            }
        }).excludePathPatterns(NOT_CONSOLE).excludePathPatterns("/console/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Viewer.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                    NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
                HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
                return viewer(request);
            }
        });
    }

    /** The signed-in person, looked up once per request; {@link NotSignedIn} sends them to the login page. */
    Viewer viewer(HttpServletRequest request) {
        if (request.getAttribute(VIEWER) instanceof Viewer known) {
            return known;
        }
        String token = Cookies.read(request, Cookies.SESSION).orElseThrow(NotSignedIn::new);
        Viewer viewer;
        try {
            viewer = new Viewer(identity.authenticateSession(token, null), token);
        } catch (ApiProblem expiredOrUnknown) {
            throw new NotSignedIn();
        }
        request.setAttribute(VIEWER, viewer);
        return viewer;
    }
}
