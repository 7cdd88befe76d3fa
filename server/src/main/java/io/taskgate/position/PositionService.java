package io.taskgate.position;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.position.PositionStore.Assignment;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;
import io.taskgate.workspace.CustomRoles;
import io.taskgate.workspace.MemberDirectory;

/** Use cases of positions: any member reads them, {@code positions.manage} changes them. */
@Service
public class PositionService {

    private final PositionStore positions;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final CustomRoles customRoles;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    PositionService(PositionStore positions, MemberDirectory members, CustomRoles customRoles,
            Authorization authorization, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.positions = positions;
        this.members = members;
        this.customRoles = customRoles;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A position; its version moves when it is renamed and when its managers or staff change. */
    public record PositionView(String id, String name, List<String> managerIds, List<String> staffIds,
            Instant createdAt, long version) {
    }

    @Transactional
    public PositionView create(Caller caller, String workspaceId, String name) {
        manager(caller, workspaceId);
        var position = new PositionStore.Position(workspaceId, Ids.next("pos", clock), name.trim(),
                clock.instant(), 1);
        positions.insert(position);
        audit.record(workspaceId, caller, "position.created", "position", position.id(), "name=" + position.name());
        return new PositionView(position.id(), position.name(), List.of(), List.of(), position.createdAt(),
                position.version());
    }

    public Page<PositionView> list(Caller caller, String workspaceId, @Nullable String cursor, @Nullable Integer limit) {
        authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        Page<PositionStore.Position> page = Page.fromOverfetch(
                positions.list(workspaceId, Cursors.decode(cursor, "pos"), size + 1), size, PositionStore.Position::id);
        return new Page<>(views(workspaceId, page.items()), page.nextCursor());
    }

    /** Assignments and their removal for callers outside this feature, which cannot name {@link Assignment}. */
    @Transactional
    public PositionView addManager(Caller caller, String workspaceId, String positionId, String userId) {
        return assign(caller, workspaceId, positionId, Assignment.MANAGER, userId);
    }

    @Transactional
    public PositionView addStaff(Caller caller, String workspaceId, String positionId, String userId) {
        return assign(caller, workspaceId, positionId, Assignment.STAFF, userId);
    }

    @Transactional
    public void removeManager(Caller caller, String workspaceId, String positionId, String userId) {
        unassign(caller, workspaceId, positionId, Assignment.MANAGER, userId);
    }

    @Transactional
    public void removeStaff(Caller caller, String workspaceId, String positionId, String userId) {
        unassign(caller, workspaceId, positionId, Assignment.STAFF, userId);
    }

    /** A position's managers or staff, as people: every workspace member may read who holds a position. */
    public record AssignedPerson(String userId, String name, boolean active) {
    }

    List<AssignedPerson> assigned(Caller caller, String workspaceId, String positionId, Assignment assignment) {
        PositionView position = get(caller, workspaceId, positionId);
        List<String> userIds = assignment == Assignment.MANAGER ? position.managerIds() : position.staffIds();
        Map<String, MemberDirectory.Person> people = members.find(workspaceId, userIds);
        return userIds.stream()
                .map(id -> people.get(id) == null ? new AssignedPerson(id, "", false)
                        : new AssignedPerson(id, people.get(id).name(), people.get(id).active()))
                .toList();
    }

    public PositionView get(Caller caller, String workspaceId, String positionId) {
        authorization.enter(caller, workspaceId);
        return view(find(workspaceId, positionId));
    }

    /** {@code expectedVersion} is the version named by {@code If-Match}, or null when there is none. */
    @Transactional
    public PositionView rename(Caller caller, String workspaceId, String positionId, String name,
            @Nullable Precondition expectedVersion) {
        manager(caller, workspaceId);
        PositionStore.Position current = find(workspaceId, positionId);
        Versions.requireCurrent(expectedVersion, current.version());
        if (current.name().equals(name.trim())) {
            return view(current); // nothing to write: the version, and so every ETag handed out, stands
        }
        if (!positions.rename(workspaceId, positionId, name.trim(), current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "position.updated", "position", positionId, "name=" + name.trim());
        return view(new PositionStore.Position(workspaceId, positionId, name.trim(), current.createdAt(),
                current.version() + 1));
    }

    @Transactional
    public void delete(Caller caller, String workspaceId, String positionId, @Nullable Precondition expectedVersion) {
        manager(caller, workspaceId);
        PositionStore.Position current = find(workspaceId, positionId);
        Versions.requireCurrent(expectedVersion, current.version());
        if (!positions.delete(workspaceId, positionId, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        // After the delete, which holds the row: a master task being written for it has committed or must wait.
        events.publishEvent(new PositionDeleting(workspaceId, positionId));
        customRoles.forgetPosition(workspaceId, positionId);
        audit.record(workspaceId, caller, "position.deleted", "position", positionId, null);
    }

    @Transactional
    PositionView assign(Caller caller, String workspaceId, String positionId, Assignment assignment, String userId) {
        manager(caller, workspaceId);
        PositionStore.Position position = find(workspaceId, positionId);
        MemberDirectory.Person person = members.find(workspaceId, userId)
                .orElseThrow(() -> ApiProblem.referenceNotFound("userId", userId));
        if (!person.active()) {
            throw ApiProblem.deactivated("userId"); // as a project membership or a staff task's assignee is
        }
        if (!positions.assign(assignment, workspaceId, positionId, userId)) {
            throw ApiProblem.conflict("already_" + assignment.key(), person.name() + " (" + userId + ") is already "
                    + assignment.key() + " of position " + position.name());
        }
        positions.touch(workspaceId, positionId);
        audit.record(workspaceId, caller, "position." + assignment.key() + "_added", "position", positionId,
                "userId=" + userId);
        return view(find(workspaceId, positionId));
    }

    @Transactional
    void unassign(Caller caller, String workspaceId, String positionId, Assignment assignment, String userId) {
        manager(caller, workspaceId);
        find(workspaceId, positionId);
        if (!positions.unassign(assignment, workspaceId, positionId, userId)) {
            throw ApiProblem.notFound("Position " + assignment.key() + " " + userId + " of position " + positionId);
        }
        positions.touch(workspaceId, positionId);
        audit.record(workspaceId, caller, "position." + assignment.key() + "_removed", "position", positionId,
                "userId=" + userId);
    }

    private WorkspacePrincipal manager(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.require(principal, WorkspacePermission.POSITIONS_MANAGE);
        return principal;
    }

    private PositionStore.Position find(String workspaceId, String positionId) {
        return positions.find(workspaceId, positionId)
                .orElseThrow(() -> ApiProblem.notFound("Position " + positionId));
    }

    private PositionView view(PositionStore.Position position) {
        return views(position.workspaceId(), List.of(position)).getFirst();
    }

    /** Views of a page of positions, with their managers and staff loaded in one query each. */
    private List<PositionView> views(String workspaceId, List<PositionStore.Position> page) {
        List<String> ids = page.stream().map(PositionStore.Position::id).toList();
        Map<String, List<String>> managers = positions.assigned(Assignment.MANAGER, workspaceId, ids);
        Map<String, List<String>> staff = positions.assigned(Assignment.STAFF, workspaceId, ids);
        return page.stream()
                .map(p -> new PositionView(p.id(), p.name(), List.copyOf(managers.getOrDefault(p.id(), List.of())),
                        List.copyOf(staff.getOrDefault(p.id(), List.of())), p.createdAt(), p.version()))
                .toList();
    }
}
