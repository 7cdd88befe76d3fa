package io.taskgate.support;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Credentials (API keys, login sessions) read from the database by a recent request, so that the
 * next request with the same credential need not read it again. A credential's row, with the
 * access version of its workspace, is a round trip on every request otherwise, and on a write
 * such as creating a task it is one of two.
 *
 * <p>Kept credentials are trusted only while the database reports every change that could make
 * them wrong. On PostgreSQL, triggers send a notice for each such change and
 * {@link CredentialChangeNotices} hears them on a connection of its own; until it listens, and
 * from the moment it stops, nothing is kept and every request reads its credential. A change
 * made by this process is also forgotten here as soon as it commits, before its request
 * answers ({@link #forgetWhenTransactionEnds}), so the next request to this process never waits for the
 * notice; other processes act on it when the notice reaches them, milliseconds later.
 *
 * <p>A read that started before a change was forgotten is not kept, even when it finishes after:
 * every forgetting moves an epoch, and a read is kept only if the epoch has not moved since it
 * began. Keeping, replacing and forgetting take one lock, so none can undo another (a last-use
 * time written back just as a revocation is forgotten, say); hits take none.
 *
 * <p>With {@code taskgate.credential-cache.verify} (the test suite sets it) every hit is checked
 * against the database, and a difference fails the request: a write path that forgot to report
 * itself shows up as a failing test instead of a revoked key that still works.
 */
@Component
public class CredentialCache {

    /** What a kept credential rests on, so that a notice about any of them forgets it. */
    public record Ties(@Nullable String workspaceId, @Nullable String userId, @Nullable String sessionHash) {
    }

    /** What changed: one workspace's credentials or access, one user's, one session, or anything. */
    public sealed interface Change {
        record Workspace(String workspaceId) implements Change {
        }

        record User(String userId) implements Change {
        }

        record Session(String sessionHash) implements Change {
        }

        record Anything() implements Change {
        }

        private Predicate<Ties> concerns() {
            return switch (this) {
                case Workspace w -> ties -> w.workspaceId().equals(ties.workspaceId());
                case User u -> ties -> u.userId().equals(ties.userId());
                case Session s -> ties -> s.sessionHash().equals(ties.sessionHash());
                case Anything a -> ties -> true;
            };
        }
    }

    private record Kept(Object credential, Ties ties) {
    }

    private final Cache<String, Kept> kept;
    private final AtomicLong epoch = new AtomicLong();
    private final Object changes = new Object();
    /** Changes of this process begun committing, and those between commit and forgetting: see {@link #requireSame}. */
    private final AtomicLong changesBegun = new AtomicLong();
    private final AtomicInteger changesCommitting = new AtomicInteger();
    private final boolean verify;
    private volatile boolean trusted;
    private final Counter hits;
    private final Counter misses;
    private final Counter bypassed;

    CredentialCache(@Value("${taskgate.credential-cache.size:10000}") long size,
            @Value("${taskgate.credential-cache.verify:false}") boolean verify, MeterRegistry meters) {
        this.kept = Caffeine.newBuilder().maximumSize(size).build();
        this.verify = verify;
        this.hits = lookups(meters, "hit");
        this.misses = lookups(meters, "miss");
        this.bypassed = lookups(meters, "bypassed");
        Gauge.builder("taskgate.credentials.cache.trusted", this, cache -> cache.trusted ? 1 : 0)
                .description("1 while changes to credentials are heard and kept credentials may serve requests")
                .register(meters);
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder("taskgate.credentials.lookups").tag("result", result)
                .description("Credential lookups by authenticating requests: served from memory (hit), read "
                        + "from the database and kept (miss), or read because nothing may be kept (bypassed)")
                .register(meters);
    }

    /**
     * The credential kept under {@code key}, or {@code load}'s, kept when found and {@code ties}
     * names what would forget it (null: not kept). {@code decisive} is the part of a credential
     * that decides a request (bookkeeping such as a last-use time left out): with verification
     * on, a hit's must equal a fresh load's.
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(String key, Supplier<Optional<T>> load, Function<T, @Nullable Ties> ties,
            Function<T, ?> decisive) {
        if (!trusted) {
            bypassed.increment();
            return load.get();
        }
        long begunBefore = changesBegun.get();
        boolean committingAtHit = changesCommitting.get() > 0;
        Kept hit = kept.getIfPresent(key);
        if (hit != null) {
            hits.increment();
            T credential = (T) hit.credential();
            if (verify) {
                requireSame(decisive.apply(credential), load.get().map(decisive).orElse(null),
                        committingAtHit || changesBegun.get() != begunBefore || changesCommitting.get() > 0);
            }
            return Optional.of(credential);
        }
        misses.increment();
        long before = epoch.get();
        Optional<T> loaded = load.get();
        loaded.ifPresent(credential -> {
            Ties tiedTo = ties.apply(credential);
            if (tiedTo != null) {
                keep(key, new Kept(credential, tiedTo), before);
            }
        });
        return loaded;
    }

    /** Replaces what is kept under {@code key}, if anything is (a last-use time moved, say). */
    @SuppressWarnings("unchecked")
    public <T> void update(String key, UnaryOperator<T> change) {
        synchronized (changes) {
            // Only ever replaces a kept entry, never brings a forgotten one back.
            kept.asMap().computeIfPresent(key, (k, current) -> new Kept(change.apply((T) current.credential()),
                    current.ties()));
        }
    }

    private void keep(String key, Kept credential, long epochBeforeLoad) {
        synchronized (changes) {
            // Forgotten while it was read: the read may predate the change.
            if (trusted && epoch.get() == epochBeforeLoad) {
                kept.put(key, credential);
            }
        }
    }

    /** Forgets what a change touches, now. */
    public void forget(Change change) {
        synchronized (changes) {
            epoch.incrementAndGet();
            if (change instanceof Change.Anything) {
                kept.invalidateAll();
            } else {
                Predicate<Ties> concerns = change.concerns();
                kept.asMap().values().removeIf(credential -> concerns.test(credential.ties()));
            }
        }
    }

    /**
     * Forgets what a change touches once the current transaction has ended. Before would be too
     * early: a request could read the old row again and keep it. Whatever the outcome, since a
     * commit that reports a failure may still have committed; forgetting too much costs a read.
     * Outside a transaction there is no end to wait for: refused, so that no such path exists.
     */
    public void forgetWhenTransactionEnds(Change change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A credential changes outside a transaction: " + change);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            private boolean committing;

            @Override
            public void beforeCommit(boolean readOnly) {
                changesBegun.incrementAndGet();
                changesCommitting.incrementAndGet();
                committing = true;
            }

            @Override
            public void afterCompletion(int status) {
                forget(change);
                if (committing) {
                    changesCommitting.decrementAndGet();
                }
            }
        });
    }

    /** Changes are heard from now on: credentials may be kept (anything kept before is not trusted). */
    void startTrusting() {
        synchronized (changes) {
            forget(new Change.Anything());
            trusted = true;
        }
    }

    /** Changes may go unheard from now on: nothing is kept until {@link #startTrusting()}. */
    void stopTrusting() {
        synchronized (changes) {
            trusted = false;
            forget(new Change.Anything());
        }
    }

    /**
     * Between a change's commit and its forgetting, requests may still be served what was kept:
     * they are decided before the change is acknowledged, as they would be had they come a
     * moment earlier. A difference is a forgotten write only when no change of this process was
     * committing from just before the hit was read until the database was read again.
     */
    private static void requireSame(Object kept, @Nullable Object fresh, boolean changeCommittingMeanwhile) {
        if (!Objects.equals(kept, fresh) && !changeCommittingMeanwhile) {
            // The values hold hashes of secrets: not worth a log line.
            throw new IllegalStateException("A kept credential differs from the database: a write changed it "
                    + "without forgetting it");
        }
    }
}
