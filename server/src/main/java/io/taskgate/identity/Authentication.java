package io.taskgate.identity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import io.taskgate.web.ApiProblem;
import io.taskgate.web.UnstorableText;

/**
 * Authenticates every API request before its handler runs, and hands the {@link Caller} to
 * handlers that declare it as a parameter. An interceptor rather than a servlet filter, so
 * that a 401 is rendered by the same problem advice as every other error.
 */
@Component
public class Authentication implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String CALLER = Caller.class.getName();
    private static final Set<String> OPEN_PATHS = Set.of("/api/v1/auth/signup", "/api/v1/auth/login");
    private static final int MAX_INTEGRATION_NAME = 200;
    private static final String INTEGRATION_NAME = "X-Integration-Name";

    private final IdentityService identity;
    private final ApiKeyAuthenticator apiKeys;

    Authentication(IdentityService identity, ApiKeyAuthenticator apiKeys) {
        this.identity = identity;
        this.apiKeys = apiKeys;
    }

    /** The caller this request authenticated as, once the interceptor has run. */
    public static Optional<Caller> caller(HttpServletRequest request) {
        return request.getAttribute(CALLER) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (OPEN_PATHS.contains(request.getRequestURI())) {
            return true;
        }
        String token = BearerToken.from(request).orElseThrow(() -> ApiProblem.unauthenticated("unauthenticated",
                "Send a session token or an API key as 'Authorization: Bearer <token>'"));
        String integrationName = integrationName(request);
        Caller caller = authenticate(token, integrationName, workspaceInPath(request));
        // After the credentials: a 401 comes first. Recorded with every change, the name is shown in sentences.
        String flaw = integrationName == null ? null : UnstorableText.flaw(INTEGRATION_NAME, integrationName);
        if (flaw != null) {
            throw ApiProblem.invalid(INTEGRATION_NAME, flaw);
        }
        request.setAttribute(CALLER, caller);
        return true;
    }

    private Caller authenticate(String token, @Nullable String integrationName, @Nullable String workspaceId) {
        if (token.startsWith(IdentityService.SESSION_TOKEN_PREFIX)) {
            return identity.authenticateSession(token, integrationName, workspaceId);
        }
        if (apiKeys.recognises(token)) {
            Optional<Caller.ApiClient> client = apiKeys.authenticate(token, integrationName);
            if (client.isPresent()) {
                return client.get();
            }
        }
        throw ApiProblem.unauthenticated("invalid_token", "The access token is not valid");
    }

    /** The {@code {workspaceId}} of the matched path: its access version is read with the session. */
    private static @Nullable String workspaceInPath(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("workspaceId") instanceof String workspaceId ? workspaceId : null;
    }

    private static @Nullable String integrationName(HttpServletRequest request) {
        String name = request.getHeader(INTEGRATION_NAME);
        String trimmed = name == null ? "" : utf8(name).strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() <= MAX_INTEGRATION_NAME) {
            return trimmed;
        }
        // The column holds 200 UTF-16 units on H2; a cut through an emoji would leave half of it.
        int end = Character.isHighSurrogate(trimmed.charAt(MAX_INTEGRATION_NAME - 1)) ? MAX_INTEGRATION_NAME - 1
                : MAX_INTEGRATION_NAME;
        return trimmed.substring(0, end);
    }

    /**
     * The header as the client wrote it: the container reads header bytes as ISO-8859-1, so a
     * name sent in UTF-8 ("Köln") arrives as "KÃ¶ln". Read as UTF-8 when its bytes are UTF-8;
     * otherwise they were ISO-8859-1 indeed.
     */
    private static String utf8(String header) {
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return header;
        }
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        Object caller = webRequest.getAttribute(CALLER, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw ApiProblem.unauthenticated("unauthenticated", "This endpoint needs credentials");
        }
        if (parameter.getParameterType() == Caller.User.class && caller instanceof Caller.ApiClient client) {
            throw notASession(client);
        }
        return caller;
    }

    /**
     * What an API key gets from an endpoint about a person's password or sessions, before its
     * body is even read: an API client has keys instead, and the key it sent stays valid.
     */
    private static ApiProblem notASession(Caller.ApiClient client) {
        return ApiProblem.conflict("not_a_session", "API key " + client.keyId() + " is not a session and stays valid:"
                + " an API client has keys, not a password or sessions, so only a person can do this. A key is ended"
                + " with DELETE /api/v1/workspaces/" + client.workspaceId() + "/api-clients/" + client.id() + "/keys/"
                + client.keyId());
    }
}
