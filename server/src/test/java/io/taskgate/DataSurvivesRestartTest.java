package io.taskgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.taskgate.testing.Api;

/**
 * With zero configuration the server keeps its data in an H2 file under the data directory, and
 * what it acknowledged is there after a restart, even when the process was killed.
 */
class DataSurvivesRestartTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TaskgateApplication.class).run(
                "--server.port=0", "--taskgate.data-dir=" + dataDir, "--taskgate.password.bcrypt-strength=4",
                "--spring.jmx.enabled=false");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api("http://localhost:" + port);
    }

    @Test
    void aWorkspaceAndAKeyOutliveARestart(@TempDir Path dataDir) {
        Api.Person olga;
        String workspace;
        Api.Client zapier;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            olga = api.signUp("Olga");
            workspace = api.createWorkspace(olga, "Cafe");
            zapier = api.createApiClient(workspace, olga.token(), "Zapier", "member", "global");
        }
        assertThat(Files.exists(dataDir.resolve("taskgate.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            assertThat(api.get("/api/v1/workspaces/" + workspace, olga.token()).get("name")).isEqualTo("Cafe");
            assertThat(api.get("/api/v1/me", zapier.secret()).get("id")).isEqualTo(zapier.id());
            String token = api.logIn(olga.email(), "correct horse battery");
            assertThat(api.get("/api/v1/workspaces/" + workspace + "/users", token).json().path("items")).hasSize(1);
            assertThat(api.post("/api/v1/auth/login", null,
                    Map.of("email", olga.email(), "password", "wrong")).status()).isEqualTo(401);
        }
    }

    /**
     * H2 writes committed changes to its file in the background, half a second late by default: a
     * server killed right after its 201s lost the last of them. The default URL turns that delay
     * off, so a commit is in the file (the operating system's cache) before the answer leaves.
     */
    @Test
    void everyAcknowledgedTaskOutlivesAKilledProcess(@TempDir Path dataDir) throws Exception {
        Api.Person olga;
        String workspace;
        List<String> acknowledged = new ArrayList<>();
        ServerProcess server = startInAnotherProcess(dataDir);
        try {
            Api api = new Api(server.baseUrl());
            olga = api.signUp("Olga");
            workspace = api.createWorkspace(olga, "Cafe");
            for (int i = 0; i < 40; i++) {
                Api.Response created = Api.expect(api.post("/api/v1/workspaces/" + workspace + "/tasks", olga.token(),
                        Map.of("type", "private", "title", "Task " + i)), 201);
                acknowledged.add(created.get("id"));
            }
        } finally {
            server.process().destroyForcibly().waitFor();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            String token = api.logIn(olga.email(), "correct horse battery");
            Api.Response page = Api.expect(api.get("/api/v1/workspaces/" + workspace + "/tasks?limit=100", token), 200);
            assertThat(new HashSet<>(page.ids())).containsAll(acknowledged);
        }
    }

    private record ServerProcess(Process process, String baseUrl) {
    }

    /** The same application with its default database URL, in a JVM this test can kill outright. */
    private static ServerProcess startInAnotherProcess(Path dataDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = dataDir.resolve("server.log");
        Process server = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TaskgateApplication.class.getName(),
                "--server.port=" + port, "--taskgate.data-dir=" + dataDir, "--taskgate.password.bcrypt-strength=4",
                "--spring.jmx.enabled=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp) && server.isAlive()) {
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new ServerProcess(server, "http://localhost:" + port);
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(200);
        }
        server.destroyForcibly().waitFor();
        throw new AssertionError("the server did not become ready:\n" + Files.readString(log));
    }
}
