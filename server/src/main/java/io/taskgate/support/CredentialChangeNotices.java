package io.taskgate.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Hears PostgreSQL's notices of changes to credentials and access (sent by the triggers of the
 * migration {@code credential_change_notices}, whoever made the change: this process, another
 * one, or someone at a SQL prompt) and has {@link CredentialCache} forget what each touches.
 *
 * <p>It listens on a connection of its own, outside the pool, for as long as the server runs.
 * While that connection is down nothing may be kept, since a notice could be missed: the cache
 * stops trusting at the first error and starts again, empty, only once {@code LISTEN} is back.
 * A connection that dies without a word is found by a probe every 5 seconds that waits at most
 * 2. If the triggers that send the notices are missing (a schema not migrated by this server),
 * the cache is never trusted.
 *
 * <p>H2 has no notices, and the cache stays off there.
 */
@Component
class CredentialChangeNotices implements SmartLifecycle {

    static final String CHANNEL = "taskgate_credentials";
    static final String APPLICATION_NAME = "taskgate-credential-notices";
    private static final Logger log = LoggerFactory.getLogger(CredentialChangeNotices.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final int PROBE_WAIT_SECONDS = 2;
    /** The triggers of the migration {@code credential_change_notices}: without all, a change could go unheard. */
    private static final List<String> TRIGGERS = List.of("workspace_access_changed",
            "workspace_deleted", "api_client_changed", "api_key_changed", "api_key_deleted", "user_session_changed",
            "user_account_changed", "user_account_deleted", "workspace_truncated", "api_client_truncated",
            "api_key_truncated", "user_session_truncated", "user_account_truncated");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final CredentialCache cache;
    private final DataSource dataSource;
    private final boolean enabled;
    private volatile boolean running;
    private volatile @Nullable Thread listener;
    private volatile @Nullable Connection connection;

    CredentialChangeNotices(CredentialCache cache, DataSource dataSource, SqlDialect dialect,
            @Value("${taskgate.credential-cache.enabled:true}") boolean enabled) {
        this.cache = cache;
        this.dataSource = dataSource;
        this.enabled = enabled && dialect.noticesChanges();
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().daemon().name(APPLICATION_NAME).start(this::listenWhileRunning);
    }

    @Override
    public void stop() {
        synchronized (this) {
            running = false;
            cache.stopTrusting();
        }
        closeQuietly(connection);
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        boolean warned = false;
        while (running) {
            try (Connection listening = open()) {
                connection = listening;
                if (!triggersInPlace(listening)) {
                    log.warn("The database has not all the triggers that announce credential changes ({}): "
                            + "every request reads its credential", TRIGGERS);
                    return;
                }
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                synchronized (this) {
                    if (!running) {
                        return;
                    }
                    cache.startTrusting();
                }
                if (warned) {
                    log.info("Hearing credential changes again: kept credentials serve requests again");
                    warned = false;
                }
                hear(listening);
            } catch (Throwable e) { // an Error too: the cache must not outlive its listener trusted
                if (running && !warned) {
                    log.warn("Not hearing credential changes ({}): every request reads its credential until "
                            + "this is back", e.toString());
                    warned = true;
                }
            } finally {
                cache.stopTrusting();
                connection = null;
            }
            pause();
        }
    }

    private static boolean triggersInPlace(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                "select count(distinct tgname) from pg_trigger where tgname = any (?) and not tgisinternal")) {
            statement.setArray(1, connection.createArrayOf("text", TRIGGERS.toArray()));
            try (var found = statement.executeQuery()) {
                return found.next() && found.getInt(1) == TRIGGERS.size();
            }
        }
    }

    private void hear(Connection listening) throws SQLException {
        PGConnection notices = listening.unwrap(PGConnection.class);
        long probed = System.nanoTime();
        while (running) {
            PGNotification[] heard = notices.getNotifications(WAIT_MILLIS);
            if (heard != null) {
                for (PGNotification notice : heard) {
                    cache.forget(change(notice.getParameter()));
                }
            }
            if (System.nanoTime() - probed > PROBE_EVERY.toNanos()) {
                if (!listening.isValid(PROBE_WAIT_SECONDS)) {
                    throw new SQLException("the listening connection did not answer within "
                            + PROBE_WAIT_SECONDS + " s");
                }
                probed = System.nanoTime();
            }
        }
    }

    /**
     * The triggers' payloads: {@code w:<workspace id>}, {@code u:<user id>}, {@code s:<session hash>};
     * anything else ({@code *}, sent for a truncation) means anything may have changed.
     */
    static CredentialCache.Change change(String payload) {
        if (payload.length() > 2 && payload.charAt(1) == ':') {
            String id = payload.substring(2);
            switch (payload.charAt(0)) {
                case 'w':
                    return new CredentialCache.Change.Workspace(id);
                case 'u':
                    return new CredentialCache.Change.User(id);
                case 's':
                    return new CredentialCache.Change.Session(id);
                default:
                    break;
            }
        }
        return new CredentialCache.Change.Anything();
    }

    private Connection open() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(RETRY_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing to stop: nothing left to do with it.
        }
    }
}
