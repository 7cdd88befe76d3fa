package io.taskgate.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API as a client sees it, over HTTP/1.1 with kept-alive connections. The few
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

    static {
        // Keep a kept-alive connection per writer thread (the JDK keeps 5 by default).
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    int port() {
        return URI.create(baseUrl).getPort();
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null);
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

    /**
     * One request over the JDK's {@link HttpURLConnection}, which keeps connections alive between
     * requests of a thread. It costs the client a third to a half of the CPU that
     * {@code java.net.http} does per request here (measured on this 2-core machine), and every
     * CPU cycle the load generator spends is taken from the server it measures.
     */
    private Response send(String method, String path, String token, String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(10_000);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (json != null) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            // Reading the body to its end, error or not, is what lets the connection be reused.
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = "";
            if (in != null) {
                try (in) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Response(status, body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }
}
