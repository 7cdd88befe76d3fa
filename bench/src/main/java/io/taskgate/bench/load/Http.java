package io.taskgate.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API as a client sees it, over java.net.http (HTTP/1.1, kept-alive connections). The few
 * fields the benchmark reads are picked out of the JSON by pattern, to keep the module free of a
 * JSON library.
 */
final class Http {

    record Response(int status, String body) {

        String field(String name) {
            Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + name + " in " + status + " " + abbreviated());
            }
            return matcher.group(1);
        }

        /** Ids of the tasks in a page, in order. */
        List<String> taskIds() {
            List<String> ids = new ArrayList<>();
            Matcher matcher = TASK_ID.matcher(body);
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            return ids;
        }

        String abbreviated() {
            return body.length() > 400 ? body.substring(0, 400) + "…" : body;
        }
    }

    private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"(task_[0-9a-z]+)\"");

    private final HttpClient client;
    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .header("Authorization", "Bearer " + token).build());
    }

    Response post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE()
                .header("Authorization", "Bearer " + token).build());
    }

    /** A session token for a generated user (password {@link BenchIds#PASSWORD}). */
    String logIn(String email) {
        Response response = post("/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + BenchIds.PASSWORD + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + email + ": " + response.status() + " " + response.abbreviated());
        }
        return response.field("accessToken");
    }

    /** The cursor the server would hand out after the task {@code taskId} (see {@code web/Cursors}). */
    static String cursorAfter(String taskId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + taskId).getBytes(StandardCharsets.UTF_8));
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
