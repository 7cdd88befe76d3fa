package io.taskgate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests, speaking to the server the way an integrator would: raw JSON
 * in, status + headers + JSON out, no exception on 4xx/5xx.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, Map<String, String> headers, String text) {

        public JsonNode json() {
            return text.isEmpty() ? tools.jackson.databind.node.NullNode.getInstance() : JSON.readTree(text);
        }

        public String get(String field) {
            return json().path(field).asString();
        }

        /** The {@code id} of each item of a collection answer, in order (not the ids nested inside items). */
        public java.util.List<String> ids() {
            java.util.List<String> ids = new java.util.ArrayList<>();
            json().path("items").forEach(item -> ids.add(item.path("id").asString()));
            return ids;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Response get(String path, String token) {
        return request("GET", path).token(token).send();
    }

    public Response post(String path, String token, Object body) {
        return request("POST", path).token(token).json(body).send();
    }

    public Response patch(String path, String token, Object body) {
        return request("PATCH", path).token(token).json(body).send();
    }

    public Response delete(String path, String token) {
        return request("DELETE", path).token(token).send();
    }

    public static String toJson(Object body) {
        return JSON.writeValueAsString(body);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private byte[] bytes;
        private boolean chunked;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request token(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request json(Object value) {
            return raw(value instanceof String text ? text : toJson(value), "application/json");
        }

        /** A body sent with no Content-Type at all. */
        public Request unlabelled(String text) {
            this.body = text;
            return this;
        }

        public Request raw(String text, String contentType) {
            this.body = text;
            headers.put("Content-Type", contentType);
            return this;
        }

        /** Bytes as they are, well-formed UTF-8 or not. */
        public Request bytes(byte[] raw, String contentType) {
            this.bytes = raw.clone();
            headers.put("Content-Type", contentType);
            return this;
        }

        /** A body of no declared length: sent chunked, as a client streaming it would. */
        public Request chunked(String text, String contentType) {
            this.chunked = true;
            return raw(text, contentType);
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, bytes != null ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                            : body == null ? HttpRequest.BodyPublishers.noBody()
                            : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(),
                        String.join(",", values)));
                return new Response(response.statusCode(), responseHeaders, response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- fixtures: the first steps of every story ----

    public record Person(String id, String email, String name, String token) {
    }

    public record Client(String id, String name, String keyId, String secret) {
    }

    public Person signUp(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com";
        Response signedUp = post("/api/v1/auth/signup", null,
                Map.of("email", email, "name", name, "password", "correct horse battery"));
        expect(signedUp, 201);
        return new Person(signedUp.get("id"), email, name, logIn(email, "correct horse battery"));
    }

    public String logIn(String email, String password) {
        Response loggedIn = post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
        expect(loggedIn, 200);
        return loggedIn.get("accessToken");
    }

    public String createWorkspace(Person owner, String name) {
        Response created = post("/api/v1/workspaces", owner.token(), Map.of("name", name));
        expect(created, 201);
        return created.get("id");
    }

    public Person addMember(String workspaceId, Person admin, String name, String role) {
        Person person = signUp(name);
        expect(post("/api/v1/workspaces/" + workspaceId + "/users", admin.token(),
                Map.of("email", person.email(), "role", role)), 201);
        return person;
    }

    public String createProject(String workspaceId, String token, String name, String visibility) {
        return expect(post("/api/v1/workspaces/" + workspaceId + "/projects", token,
                Map.of("name", name, "visibility", visibility)), 201).get("id");
    }

    public String createPosition(String workspaceId, String token, String name) {
        return expect(post("/api/v1/workspaces/" + workspaceId + "/positions", token, Map.of("name", name)), 201)
                .get("id");
    }

    /** A custom role holding {@code permissions}; answers its id. */
    public String createRole(String workspaceId, String token, String name, String... permissions) {
        return expect(post("/api/v1/workspaces/" + workspaceId + "/roles", token,
                Map.of("name", name, "permissions", List.of(permissions))), 201).get("id");
    }

    /** A member whose only extra is a custom role holding {@code permissions} (say, api_clients.manage alone). */
    public Person addMemberHolding(String workspaceId, Person admin, String name, String... permissions) {
        String role = createRole(workspaceId, admin.token(), name + "'s permissions", permissions);
        Person person = addMember(workspaceId, admin, name, "member");
        expect(patch("/api/v1/workspaces/" + workspaceId + "/users/" + person.id(), admin.token(),
                Map.of("customRoleIds", List.of(role))), 200);
        return person;
    }

    public Client createApiClient(String workspaceId, String token, String name, String role, String accessLevel) {
        Response created = post("/api/v1/workspaces/" + workspaceId + "/api-clients", token,
                Map.of("name", name, "role", role, "accessLevel", accessLevel));
        expect(created, 201);
        String clientId = created.get("id");
        Response key = post("/api/v1/workspaces/" + workspaceId + "/api-clients/" + clientId + "/keys", token,
                Map.of());
        expect(key, 201);
        return new Client(clientId, name, key.get("id"), key.get("secret"));
    }

    public static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + response);
        }
        return response;
    }
}
