package io.taskgate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database a test run talks to, chosen by the system property {@code taskgate.test.database}
 * (set by each Surefire execution): an in-memory H2 in PostgreSQL mode, or a real PostgreSQL.
 * For PostgreSQL a fresh database is created per test JVM (and dropped at its end) unless
 * {@code TASKGATE_TEST_POSTGRES_URL} names one prepared by CI.
 */
public final class TestDatabase {

    public record Settings(String url, String username, String password) {
    }

    private static Settings settings;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return System.getProperty("taskgate.test.database", "h2").toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    public static synchronized Settings settings() {
        if (settings == null) {
            settings = isPostgres() ? postgres() : h2();
        }
        return settings;
    }

    private static Settings h2() {
        return new Settings("jdbc:h2:mem:taskgate-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static Settings postgres() {
        String username = env("TASKGATE_TEST_POSTGRES_USER", "postgres");
        String password = env("TASKGATE_TEST_POSTGRES_PASSWORD", "");
        String given = System.getenv("TASKGATE_TEST_POSTGRES_URL");
        if (given != null && !given.isBlank()) {
            return new Settings(given, username, password);
        }
        String server = env("TASKGATE_TEST_POSTGRES_SERVER", "jdbc:postgresql://127.0.0.1:5432/");
        String database = "taskgate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server + "postgres", username, password);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL test pass needs a server at " + server
                    + " (user " + username + "); start one, or run with -Dtaskgate.test.skipPostgres=true", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, database, username, password)));
        return new Settings(server + database, username, password);
    }

    private static void drop(String server, String database, String username, String password) {
        try (Connection admin = DriverManager.getConnection(server + "postgres", username, password);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
