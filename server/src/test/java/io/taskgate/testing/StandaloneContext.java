package io.taskgate.testing;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.taskgate.TaskgateApplication;

/**
 * The application without its web server, on the run's database, for jqwik properties (which
 * Spring's test support does not drive). Started once per test JVM and shared, like the HTTP
 * tests' context; it closes when the JVM exits.
 */
public final class StandaloneContext {

    private static ConfigurableApplicationContext context;

    private StandaloneContext() {
    }

    public static synchronized ConfigurableApplicationContext get() {
        if (context == null) {
            TestDatabase.Settings db = TestDatabase.settings();
            context = new SpringApplicationBuilder(TaskgateApplication.class).web(WebApplicationType.NONE)
                    .registerShutdownHook(true)
                    .run("--taskgate.access-cache.verify=true", "--taskgate.credential-cache.verify=true", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                            "--spring.datasource.password=" + db.password(), "--spring.jmx.enabled=false",
                            "--spring.datasource.hikari.minimum-idle=2");
        }
        return context;
    }
}
