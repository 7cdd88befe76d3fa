package io.taskgate.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * A connection that dies without a word is found by a probe every few seconds.
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
        running = false;
        cache.stopTrusting();
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
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                cache.startTrusting();
                if (warned) {
                    log.info("Hearing credential changes again: kept credentials serve requests again");
                    warned = false;
                }
                hear(listening);
            } catch (SQLException | RuntimeException e) {
                cache.stopTrusting();
                if (running && !warned) {
                    log.warn("Not hearing credential changes ({}): every request reads its credential until "
                            + "this is back", e.toString());
                    warned = true;
                }
            } finally {
                connection = null;
            }
            pause();
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
                try (Statement statement = listening.createStatement()) {
                    statement.execute("select 1");
                }
                probed = System.nanoTime();
            }
        }
    }

    /** The triggers' payloads: {@code w:<workspace id>}, {@code u:<user id>}, {@code s:<session hash>}. */
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
