package io.taskgate.mastertask;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.Action;
import io.taskgate.access.PositionsResource;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.KnownPositions;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.position.PositionDeleting;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;

/**
 * Use cases of master tasks. Creating, changing or deleting one takes the right on every
 * position it is for — managing it, {@code shift.edit} on it, or {@code positions.manage} —
 * as the decision core judges {@code master_task.create}; a denial names each position lacking.
 */
@Service
public class MasterTaskService {

    private final MasterTasks masterTasks;
    private final KnownPositions positions;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    MasterTaskService(MasterTasks masterTasks, KnownPositions positions, Authorization authorization, AuditLog audit,
            Clock clock) {
        this.masterTasks = masterTasks;
        this.positions = positions;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public MasterTask create(Caller caller, String workspaceId, MasterTaskFields fields) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        requireExisting(workspaceId, fields.positions());
        authorization.require(principal, Action.MASTER_TASK_CREATE, new PositionsResource(fields.positionIds()));
        Instant now = clock.instant();
        var task = new MasterTask(workspaceId, Ids.next("mt", clock), fields.name(), fields.positionIds(),
                fields.description() == null ? "" : fields.description(),
                fields.color() == null ? MasterTaskFields.DEFAULT_COLOR : fields.color(),
                Boolean.TRUE.equals(fields.favorite()), caller.id(), now, caller.id(), now, null, null, 1);
        masterTasks.insert(task);
        audit.record(workspaceId, caller, "master_task.created", "master_task", task.id(),
                "positions=" + task.positionIds());
        return masterTasks.find(workspaceId, task.id()).orElseThrow();
    }

    public MasterTask get(Caller caller, String workspaceId, String id) {
        authorization.enter(caller, workspaceId);
        return masterTasks.find(workspaceId, id).orElseThrow(() -> ApiProblem.notFound("Master task " + id));
    }

    /** 404 unless the master task exists and is not deleted, as a change to it would answer. */
    void requireLive(Caller caller, String workspaceId, String id) {
        authorization.enter(caller, workspaceId);
        live(workspaceId, id);
    }

    public Page<MasterTask> list(Caller caller, String workspaceId, @Nullable String positionId,
            @Nullable Boolean favorite, @Nullable String cursor, @Nullable Integer limit) {
        authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        return Page.fromOverfetch(masterTasks.list(workspaceId, positionId, favorite, Cursors.decode(cursor, "mt"),
                size + 1), size, MasterTask::id);
    }

    @Transactional
    public MasterTask update(Caller caller, String workspaceId, String id, MasterTaskFields fields,
            @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        MasterTask current = live(workspaceId, id);
        requireExisting(workspaceId, fields.positions());
        Set<String> touched = new LinkedHashSet<>(current.positionIds());
        touched.addAll(fields.positions());
        requireMayChange(principal, new ArrayList<>(touched), "Changing a master task");
        Versions.requireCurrent(expectedVersion, current.version());
        if (changesNothing(fields, current)) {
            // Nothing to write: the version (so the ETag) stays, and no event says something changed.
            return current;
        }
        var changed = new MasterTask(workspaceId, id, fields.name() == null ? current.name() : fields.name(),
                fields.positionIds() == null ? current.positionIds() : fields.positionIds(),
                fields.description() == null ? current.description() : fields.description(),
                fields.color() == null ? current.color() : fields.color(),
                fields.favorite() == null ? current.favorite() : fields.favorite(), current.createdBy(),
                current.createdAt(), caller.id(), clock.instant(), null, null, current.version() + 1);
        if (!masterTasks.update(changed, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "master_task.updated", "master_task", id, null);
        return masterTasks.find(workspaceId, id).orElseThrow();
    }

    /** Soft delete: the row stays, with who deleted it and when, and leaves every listing. */
    @Transactional
    public void delete(Caller caller, String workspaceId, String id, @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        MasterTask current = live(workspaceId, id);
        requireMayChange(principal, current.positionIds(), "Deleting a master task");
        Versions.requireCurrent(expectedVersion, current.version());
        Instant now = clock.instant();
        var deleted = new MasterTask(workspaceId, id, current.name(), current.positionIds(),
                current.description(), current.color(), current.favorite(), current.createdBy(), current.createdAt(),
                caller.id(), now, caller.id(), now, current.version() + 1);
        if (!masterTasks.update(deleted, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "master_task.deleted", "master_task", id, null);
    }

    private static boolean changesNothing(MasterTaskFields fields, MasterTask current) {
        return (fields.name() == null || fields.name().equals(current.name()))
                && (fields.positionIds() == null
                        || Set.copyOf(fields.positionIds()).equals(Set.copyOf(current.positionIds())))
                && (fields.description() == null || fields.description().equals(current.description()))
                && (fields.color() == null || fields.color().equals(current.color()))
                && (fields.favorite() == null || fields.favorite() == current.favorite());
    }

    /**
     * Changing or deleting a master task takes the right to make one for each of its positions
     * (there is no separate action for it): a refusal says which of the two was asked.
     */
    private void requireMayChange(WorkspacePrincipal principal, List<String> positionIds, String doing) {
        try {
            authorization.require(principal, Action.MASTER_TASK_CREATE, new PositionsResource(positionIds));
        } catch (ApiProblem refused) {
            throw refused.status() == HttpStatus.FORBIDDEN
                    ? refused.whileDoing(doing + " takes the right to make master tasks for its positions") : refused;
        }
    }

    private MasterTask live(String workspaceId, String id) {
        return masterTasks.find(workspaceId, id)
                .filter(task -> task.deletedAt() == null)
                .orElseThrow(() -> ApiProblem.notFound("Master task " + id));
    }

    private void requireExisting(String workspaceId, Set<String> positionIds) {
        if (positionIds.isEmpty()) {
            return;
        }
        Set<String> existing = positions.existing(workspaceId, positionIds);
        List<String> unknown = positionIds.stream().filter(id -> !existing.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.referenceNotFound("positionIds", String.join(", ", unknown))
                    .with("unknownPositionIds", unknown);
        }
    }

    /**
     * A position that live master tasks are for cannot be deleted: they would be left for a position
     * that no longer exists. Deleted master tasks keep the reference, as history.
     */
    @EventListener
    void refuseDeletingAPositionInUse(PositionDeleting event) {
        List<String> using = masterTasks.liveFor(event.workspaceId(), event.positionId(), 6);
        if (!using.isEmpty()) {
            throw ApiProblem.conflict("position_in_use", "Master tasks are for this position ("
                    + String.join(", ", using.subList(0, Math.min(5, using.size())))
                    + (using.size() > 5 ? ", …" : "") + "): change or delete them first")
                    .with("masterTaskIds", using.subList(0, Math.min(5, using.size())));
        }
    }
}
