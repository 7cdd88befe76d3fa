package io.taskgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.taskgate.testing.Api;

/** With zero configuration the server keeps its data in an H2 file under the data directory. */
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
}
