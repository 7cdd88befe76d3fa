package io.taskgate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What the credential cache keeps, and when it must not. */
class CredentialCacheTest {

    private record Key(String workspaceId, String hash, boolean revoked) {
    }

    private final CredentialCache cache = new CredentialCache(100, false, new SimpleMeterRegistry());
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<Key> lookUp(String id, Supplier<Key> database) {
        return cache.get(id, () -> {
            reads.incrementAndGet();
            return Optional.of(database.get());
        }, key -> new CredentialCache.Ties(key.workspaceId(), null, null), key -> key);
    }

    @Test
    void keepsNothingUntilChangesAreHeard() {
        lookUp("k1", () -> new Key("ws1", "h", false));
        lookUp("k1", () -> new Key("ws1", "h", false));
        assertThat(reads).hasValue(2);

        cache.startTrusting();
        lookUp("k1", () -> new Key("ws1", "h", false));
        lookUp("k1", () -> new Key("ws1", "h", false));
        assertThat(reads).hasValue(3);
    }

    @Test
    void aChangeToAWorkspaceForgetsItsCredentialsOnly() {
        cache.startTrusting();
        lookUp("k1", () -> new Key("ws1", "h", false));
        lookUp("k2", () -> new Key("ws2", "h", false));

        cache.forget(new CredentialCache.Change.Workspace("ws1"));

        assertThat(lookUp("k1", () -> new Key("ws1", "h", true))).get().extracting(Key::revoked).isEqualTo(true);
        assertThat(lookUp("k2", () -> new Key("ws2", "h", true))).get().extracting(Key::revoked).isEqualTo(false);
    }

    @Test
    void aReadOverlappingAChangeIsNotKept() {
        cache.startTrusting();
        // The row is read, then the revocation commits and is forgotten, then the read comes back.
        lookUp("k1", () -> {
            Key before = new Key("ws1", "h", false);
            cache.forget(new CredentialCache.Change.Workspace("ws1"));
            return before;
        });

        assertThat(lookUp("k1", () -> new Key("ws1", "h", true))).get().extracting(Key::revoked).isEqualTo(true);
    }

    @Test
    void whenChangesMayGoUnheardEverythingKeptIsForgotten() {
        cache.startTrusting();
        lookUp("k1", () -> new Key("ws1", "h", false));
        cache.stopTrusting();
        cache.startTrusting();

        assertThat(lookUp("k1", () -> new Key("ws1", "h", true))).get().extracting(Key::revoked).isEqualTo(true);
    }

    @Test
    void aChangeWithinATransactionIsForgottenOnlyOnceTheTransactionHasEnded() {
        cache.startTrusting();
        lookUp("k1", () -> new Key("ws1", "h", false));
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.forgetWhenTransactionEnds(new CredentialCache.Change.Workspace("ws1"));
            assertThat(lookUp("k1", () -> new Key("ws1", "h", true))).get().extracting(Key::revoked).isEqualTo(false);
            TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.beforeCommit(false));
            assertThat(lookUp("k1", () -> new Key("ws1", "h", true))).get().extracting(Key::revoked).isEqualTo(false);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(lookUp("k1", () -> new Key("ws1", "h", true))).get().extracting(Key::revoked).isEqualTo(true);
    }

    @Test
    void verificationRefusesAKeptCredentialTheDatabaseNoLongerHolds() {
        CredentialCache verifying = new CredentialCache(100, true, new SimpleMeterRegistry());
        verifying.startTrusting();
        verifying.get("k1", () -> Optional.of(new Key("ws1", "h", false)),
                key -> new CredentialCache.Ties(key.workspaceId(), null, null), key -> key);

        assertThatThrownBy(() -> verifying.get("k1", () -> Optional.of(new Key("ws1", "h", true)),
                key -> new CredentialCache.Ties(key.workspaceId(), null, null), key -> key))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verificationAllowsWhatWasKeptWhileAChangeOfThisProcessIsBetweenCommitAndForgetting() {
        CredentialCache verifying = new CredentialCache(100, true, new SimpleMeterRegistry());
        verifying.startTrusting();
        verifying.get("k1", () -> Optional.of(new Key("ws1", "h", false)),
                key -> new CredentialCache.Ties(key.workspaceId(), null, null), key -> key);
        TransactionSynchronizationManager.initSynchronization();
        try {
            verifying.forgetWhenTransactionEnds(new CredentialCache.Change.Workspace("ws1"));
            TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.beforeCommit(false));
            // The revocation has committed; its request has not answered yet.
            assertThat(verifying.get("k1", () -> Optional.of(new Key("ws1", "h", true)),
                    key -> new CredentialCache.Ties(key.workspaceId(), null, null), key -> key))
                    .get().extracting(Key::revoked).isEqualTo(false);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    /** A credential's row at some version, written back now and then with a new last use. */
    private record Row(long version, long lastUse) {
    }

    @Test
    void noReadOrWriteBackFromBeforeAChangeOutlivesItsForgetting() throws Exception {
        cache.startTrusting();
        AtomicLong database = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    readRow(database);
                    cache.<Row>update("k1", row -> new Row(row.version(), row.lastUse() + 1));
                }
            }));
        }
        try {
            for (long change = 1; change <= 3_000; change++) {
                database.set(change);
                cache.forget(new CredentialCache.Change.Workspace("ws1"));
                assertThat(readRow(database).version()).as("after change %d", change).isGreaterThanOrEqualTo(change);
            }
        } finally {
            running.set(false);
            for (Thread request : requests) {
                request.join();
            }
        }
    }

    private Row readRow(AtomicLong database) {
        return cache.get("k1", () -> {
            long version = database.get();
            Thread.yield(); // a read takes a while: let changes land meanwhile
            return Optional.of(new Row(version, 0));
        }, row -> new CredentialCache.Ties("ws1", null, null), row -> row.version()).orElseThrow();
    }

    @Test
    void noticesNameWhatChanged() {
        assertThat(CredentialChangeNotices.change("w:ws_1")).isEqualTo(new CredentialCache.Change.Workspace("ws_1"));
        assertThat(CredentialChangeNotices.change("u:usr_1")).isEqualTo(new CredentialCache.Change.User("usr_1"));
        assertThat(CredentialChangeNotices.change("s:abc")).isEqualTo(new CredentialCache.Change.Session("abc"));
        assertThat(CredentialChangeNotices.change("?")).isEqualTo(new CredentialCache.Change.Anything());
    }
}
