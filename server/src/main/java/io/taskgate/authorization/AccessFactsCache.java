package io.taskgate.authorization;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.support.AccessFactChanges;

/**
 * Principals' facts (and the project each last entered for) kept in this process, each labelled
 * with the workspace's {@code access_version} it was loaded under. Every request reads the
 * current version first, so a change committed before the request is always seen: kept facts
 * count only while the version has not moved, and every access write moves it
 * ({@link AccessFactChanges}). Facts are loaded after the version is read, so a label is never
 * newer than what it labels.
 *
 * <p>With {@code taskgate.access-cache.verify} (the test suite sets it) every hit is checked
 * against a fresh load, and a difference fails the request: a write path that forgot to report
 * itself shows up as a failing test instead of a stale decision.
 */
@Component
class AccessFactsCache {

    record PrincipalKey(String workspaceId, String principalType, String principalId) {
    }

    record ProjectKey(PrincipalKey principal, String projectId) {
    }

    /** Something derived from a principal's access facts alone, named by {@code what}. */
    record DerivedKey(PrincipalKey principal, String what) {
    }

    private record Kept<T>(long version, T facts) {
    }

    private final JdbcClient jdbc;
    private final boolean enabled;
    private final boolean verify;
    private final Cache<PrincipalKey, Kept<PrincipalFacts>> principals;
    private final Cache<ProjectKey, Kept<ProjectFacts>> projects;
    private final Cache<DerivedKey, Kept<Object>> derived;

    AccessFactsCache(JdbcClient jdbc, @Value("${taskgate.access-cache.enabled:true}") boolean enabled,
            @Value("${taskgate.access-cache.verify:false}") boolean verify,
            @Value("${taskgate.access-cache.principals:20000}") long maxPrincipals,
            @Value("${taskgate.access-cache.projects:100000}") long maxProjects) {
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.verify = verify;
        this.principals = Caffeine.newBuilder().maximumSize(maxPrincipals).build();
        this.projects = Caffeine.newBuilder().maximumSize(maxProjects).build();
        this.derived = Caffeine.newBuilder().maximumSize(maxPrincipals).build();
    }

    /**
     * Whether kept facts may serve the workspace now: not when the cache is off, nor when the
     * current transaction changed the workspace's facts and has not committed them (its own
     * writes are not yet counted in the version).
     */
    boolean usable(String workspaceId) {
        return enabled && !AccessFactChanges.pendingIn(workspaceId);
    }

    /** The workspace's current access version; empty when there is no such workspace. */
    Optional<Long> version(String workspaceId) {
        return jdbc.sql("select access_version from workspace where workspace_id = :ws")
                .param("ws", workspaceId)
                .query(Long.class)
                .optional();
    }

    @Nullable PrincipalFacts principal(PrincipalKey key, long version, Supplier<Optional<PrincipalFacts>> fresh) {
        return hit(key.workspaceId(), principals.getIfPresent(key), version, fresh);
    }

    @Nullable ProjectFacts project(ProjectKey key, long version, Supplier<Optional<ProjectFacts>> fresh) {
        return hit(key.principal().workspaceId(), projects.getIfPresent(key), version, fresh);
    }

    /** The value kept for {@code key} at {@code version}, or {@code compute}'s, then kept. */
    @SuppressWarnings("unchecked")
    <T> T derived(DerivedKey key, long version, Supplier<T> compute) {
        Object hit = hit(key.principal().workspaceId(), derived.getIfPresent(key), version, () -> Optional.<Object>of(compute.get()));
        if (hit != null) {
            return (T) hit;
        }
        T computed = compute.get();
        derived.put(key, new Kept<>(version, computed));
        return computed;
    }

    void keep(PrincipalKey key, long version, PrincipalFacts facts) {
        principals.put(key, new Kept<>(version, facts));
    }

    /** A project that does not exist is not kept: a miss costs the same one statement as a hit would save. */
    void keep(ProjectKey key, long version, @Nullable ProjectFacts facts) {
        if (facts != null) {
            projects.put(key, new Kept<>(version, facts));
        }
    }

    private <T> @Nullable T hit(String workspaceId, @Nullable Kept<T> kept, long version,
            Supplier<Optional<T>> fresh) {
        if (kept == null || kept.version() != version) {
            return null;
        }
        if (verify) {
            T loaded = fresh.get().orElse(null);
            // A request may hold a version that a change committing beside it has just moved past
            // (its credential was read, or kept, a moment before): deciding on the facts of that
            // version is deciding before the change, not a stale cache. Only a difference at the
            // version the database still holds means a write that did not move it.
            if (!Objects.equals(loaded, kept.facts()) && version(workspaceId).equals(Optional.of(version))) {
                throw new IllegalStateException("Kept access facts are stale at access version " + version
                        + ": kept " + kept.facts() + ", stored " + loaded
                        + ". A write to access facts did not report itself to AccessFactChanges.");
            }
        }
        return kept.facts();
    }
}
