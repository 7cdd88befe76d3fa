package io.taskgate.project;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.PrincipalType;
import io.taskgate.access.ProjectResource;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;
import io.taskgate.workspace.MemberBecameGuest;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Use cases of project membership. Every change takes the project's row lock first, so the
 * last-manager rule and the team enrolment see a membership nobody else is changing.
 */
@Service
public class ProjectMemberService {

    private final Projects projects;
    private final ProjectMembers members;
    private final TeamEnrolment enrolment;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    ProjectMemberService(Projects projects, ProjectMembers members, TeamEnrolment enrolment,
            Authorization authorization, AuditLog audit, Clock clock) {
        this.projects = projects;
        this.members = members;
        this.enrolment = enrolment;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "ProjectMember") // three features have a member: one name each in the OpenAPI document
    public record MemberView(String id, String principalType, String principalId, String name, String role,
            List<String> roleOptions, boolean active, Instant addedAt, String addedBy, long version) {
    }

    public record CandidateView(String principalType, String principalId, String name, List<String> roleOptions) {
    }

    public record NewMember(String principalType, String principalId, ProjectRole role) {
    }

    public record Enrolled(String principalType, String principalId, String name, @Nullable String role,
            @Nullable String reason) {
    }

    public record TeamEnrolmentResult(String teamId, List<Enrolled> added, List<Enrolled> unchanged,
            List<Enrolled> skipped) {
    }

    public Page<MemberView> list(Caller caller, String workspaceId, String projectId, @Nullable String cursor,
            @Nullable Integer limit) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireProject(principal, projectId, Action.PROJECT_READ);
        int size = Cursors.limit(limit);
        List<ProjectMembers.Member> rows = members.list(workspaceId, projectId, Cursors.decode(cursor, "usr", "cli", "team"), size + 1);
        return Page.fromOverfetch(rows, size, member -> member.principal().id()).map(ProjectMemberService::view);
    }

    public MemberView get(Caller caller, String workspaceId, String projectId, String memberId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireProject(principal, projectId, Action.PROJECT_READ);
        return view(member(workspaceId, projectId, memberId));
    }

    /**
     * A page of the principals and teams that could be added, by name. The cursor holds the last
     * one's name and id, so one renamed, added or deleted between pages neither ends the walk
     * nor hides the rest.
     */
    public Page<CandidateView> candidates(Caller caller, String workspaceId, String projectId,
            @Nullable String cursor, @Nullable Integer limit) {
        // Who could be added is read by whoever may add members; a read client that would, reads it too.
        authorization.requireProjectToRead(authorization.enter(caller, workspaceId), projectId,
                Action.PROJECT_MEMBERS_MANAGE);
        int size = Cursors.limit(limit);
        Cursors.SortKey after = Cursors.decodeSortKey(cursor, "usr", "cli", "team");
        List<ProjectMembers.Principal> rows = members.candidates(workspaceId, projectId,
                after == null ? null : new ProjectMembers.Place(after.key(), after.id()), size + 1);
        return Page.fromOverfetchBySortKey(rows, size, p -> new Cursors.SortKey(p.name(), p.id()))
                .map(p -> new CandidateView(p.type(), p.id(), p.name(), keys(roleOptions(p))));
    }

    @Transactional
    public MemberView add(Caller caller, String workspaceId, String projectId, NewMember request) {
        manage(caller, workspaceId, projectId);
        projects.lock(workspaceId, projectId);
        return addToLocked(caller, workspaceId, projectId, request);
    }

    /** Adds a member once the caller may manage the project and its row is locked. */
    private MemberView addToLocked(Caller caller, String workspaceId, String projectId, NewMember request) {
        ProjectMembers.Principal principal = eligible(workspaceId, request, "");
        if (members.find(workspaceId, projectId, principal.id()).isPresent()) {
            throw ApiProblem.conflict("already_member", principal.name() + " is already a member of this project;"
                    + " change its role with PATCH …/members/" + principal.id());
        }
        members.insert(workspaceId, projectId, principal, request.role().key(), clock.instant(), caller.id());
        audit.record(workspaceId, caller, "project.member_added", "project", projectId,
                principal.type() + "=" + principal.id() + ",role=" + request.role().key());
        return view(members.find(workspaceId, projectId, principal.id()).orElseThrow());
    }

    /** A member as one PUT left it: {@code created} when it was not a member before. */
    public record Put(MemberView member, boolean created) {
    }

    /**
     * PUT of one member: adds the principal with that role, or gives an existing member that role;
     * repeating it changes nothing. The same rules as adding and changing one apply.
     */
    @Transactional
    public Put put(Caller caller, String workspaceId, String projectId, NewMember request,
            @Nullable Precondition expectedVersion) {
        manage(caller, workspaceId, projectId);
        projects.lock(workspaceId, projectId);
        var existing = members.find(workspaceId, projectId, request.principalId());
        if (existing.isEmpty()) {
            if (expectedVersion != null) {
                eligible(workspaceId, request, ""); // an unknown principal is a 404 first
                // If-Match named a version of a membership that is not there (any more).
                throw Versions.preconditionFailed();
            }
            return new Put(addToLocked(caller, workspaceId, projectId, request), true);
        }
        if (existing.get().role().equals(request.role().key())) {
            Versions.requireCurrent(expectedVersion, existing.get().version());
            return new Put(view(existing.get()), false);
        }
        return new Put(changeRoleOfLocked(caller, workspaceId, projectId, existing.get(), request.role(),
                expectedVersion), false);
    }

    /**
     * Replaces the whole membership; everything is validated before anything changes. Who stays
     * with the same role is left as is (added when and by whom it was, same version); a changed
     * role gets the next version; who is no longer listed is removed; who is new is added.
     */
    @Transactional
    List<MemberView> replace(Caller caller, String workspaceId, String projectId, List<NewMember> requested) {
        manage(caller, workspaceId, projectId);
        projects.lock(workspaceId, projectId);
        // The teams' rows, in id order before each is checked in the body's order: two replacements
        // naming the same teams in another order would otherwise wait for each other crosswise.
        requested.stream().filter(member -> member.principalType().equals("team")).map(NewMember::principalId)
                .sorted().distinct().forEach(teamId -> members.lockTeam(workspaceId, teamId));
        List<ProjectMembers.Principal> principals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            ProjectMembers.Principal principal = eligible(workspaceId, requested.get(i), "members[" + i + "].");
            if (!seen.add(principal.id())) {
                throw ApiProblem.invalid("members[" + i + "].principalId", "is listed twice");
            }
            principals.add(principal);
        }
        if (requested.stream().noneMatch(member -> member.role() == ProjectRole.MANAGER)) {
            throw lastManager();
        }
        Map<String, ProjectMembers.Member> current = new HashMap<>();
        members.list(workspaceId, projectId, null, Integer.MAX_VALUE)
                .forEach(member -> current.put(member.principal().id(), member));
        for (ProjectMembers.Member member : current.values()) {
            if (!seen.contains(member.principal().id())) {
                // False only when the member went meanwhile (its team deleted): it is gone either way.
                members.delete(workspaceId, projectId, member.principal().id(), member.version());
            }
        }
        Instant now = clock.instant();
        for (int i = 0; i < requested.size(); i++) {
            ProjectMembers.Principal principal = principals.get(i);
            String role = requested.get(i).role().key();
            ProjectMembers.Member existing = current.get(principal.id());
            if (existing == null) {
                members.insert(workspaceId, projectId, principal, role, now, caller.id());
            } else if (!existing.role().equals(role)
                    && !members.changeRole(workspaceId, projectId, principal.id(), role, existing.version())) {
                throw Versions.concurrentUpdate();
            }
        }
        audit.record(workspaceId, caller, "project.members_replaced", "project", projectId,
                "count=" + requested.size());
        return members.list(workspaceId, projectId, null, Integer.MAX_VALUE).stream()
                .map(ProjectMemberService::view).toList();
    }

    /** {@code expectedVersion} is the version named by {@code If-Match}, or null when there is none. */
    @Transactional
    public MemberView changeRole(Caller caller, String workspaceId, String projectId, String memberId, ProjectRole role,
            @Nullable Precondition expectedVersion) {
        manage(caller, workspaceId, projectId);
        projects.lock(workspaceId, projectId);
        return changeRoleOfLocked(caller, workspaceId, projectId, member(workspaceId, projectId, memberId), role,
                expectedVersion);
    }

    /** Changes a member's role once the caller may manage the project and its row is locked. */
    private MemberView changeRoleOfLocked(Caller caller, String workspaceId, String projectId,
            ProjectMembers.Member member, ProjectRole role, @Nullable Precondition expectedVersion) {
        String memberId = member.principal().id();
        Versions.requireCurrent(expectedVersion, member.version());
        if (member.role().equals(role.key())) {
            return view(member); // nothing to write: the version, and so every ETag handed out, stands
        }
        requireRoleOption(member.principal(), role, "role");
        if (member.role().equals(ProjectRole.MANAGER.key()) && role != ProjectRole.MANAGER
                && members.countManagers(workspaceId, projectId) <= 1) {
            throw lastManager();
        }
        if (!members.changeRole(workspaceId, projectId, memberId, role.key(), member.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "project.member_updated", "project", projectId,
                member.principal().type() + "=" + memberId + ",role=" + role.key());
        return view(members.find(workspaceId, projectId, memberId).orElseThrow());
    }

    @Transactional
    public void remove(Caller caller, String workspaceId, String projectId, String memberId,
            @Nullable Precondition expectedVersion) {
        manage(caller, workspaceId, projectId);
        projects.lock(workspaceId, projectId);
        ProjectMembers.Member member = member(workspaceId, projectId, memberId);
        Versions.requireCurrent(expectedVersion, member.version());
        if (member.role().equals(ProjectRole.MANAGER.key()) && members.countManagers(workspaceId, projectId) <= 1) {
            throw lastManager();
        }
        if (!members.delete(workspaceId, projectId, memberId, member.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "project.member_removed", "project", projectId,
                member.principal().type() + "=" + memberId);
    }

    /**
     * Adds each active person (or API client) of the team who is not yet a project member, as
     * editor or collaborator; repeating it changes nothing. The answer says who was added, who
     * was left as they were, and who was skipped, each with the reason.
     */
    @Transactional
    public TeamEnrolmentResult addTeamPeople(Caller caller, String workspaceId, String projectId, String teamId,
            boolean addAsEditor) {
        manage(caller, workspaceId, projectId);
        projects.lock(workspaceId, projectId);
        // Who is in the team is read twice (to answer, then to insert): holding the team's row, which
        // adding a member to it also takes, keeps both reads the same.
        members.lockTeam(workspaceId, teamId);
        members.principal(workspaceId, "team", teamId).orElseThrow(() -> ApiProblem.notFound("Team " + teamId));
        ProjectRole role = addAsEditor ? ProjectRole.EDITOR : ProjectRole.COLLABORATOR;
        List<Enrolled> added = new ArrayList<>();
        List<Enrolled> unchanged = new ArrayList<>();
        List<Enrolled> skipped = new ArrayList<>();
        for (TeamEnrolment.Candidate person : enrolment.classify(workspaceId, projectId, teamId)) {
            if (person.projectRole() != null) {
                unchanged.add(new Enrolled(person.type(), person.id(), person.name(), person.projectRole(),
                        "already a member"));
            } else if (!person.active()) {
                skipped.add(new Enrolled(person.type(), person.id(), person.name(), null,
                        person.type().equals("user") ? "deactivated" : "disabled"));
            } else if (role.atLeast(ProjectRole.CREATOR) && isGuestUser(person.type(), person.workspaceRole())) {
                added.add(new Enrolled(person.type(), person.id(), person.name(), ProjectRole.COLLABORATOR.key(),
                        "a guest user can hold at most collaborator"));
            } else {
                added.add(new Enrolled(person.type(), person.id(), person.name(), role.key(), null));
            }
        }
        int inserted = enrolment.enrol(workspaceId, projectId, teamId, role.key(), clock.instant(), caller.id());
        if (inserted != added.size()) {
            throw new IllegalStateException("team enrolment classified " + added.size() + " but added " + inserted);
        }
        if (inserted > 0) {
            audit.record(workspaceId, caller, "project.team_people_added", "project", projectId,
                    "team=" + teamId + ",added=" + inserted + ",role=" + role.key());
            // And who: each is a member added, as one added alone is recorded.
            audit.recordEach(added.stream().map(person -> new AuditLog.Event(workspaceId, caller,
                    "project.member_added", "project", projectId, person.principalType() + "=" + person.principalId()
                            + ",role=" + person.role() + ",team=" + teamId)).toList());
        }
        return new TeamEnrolmentResult(teamId, added, unchanged, skipped);
    }

    private void manage(Caller caller, String workspaceId, String projectId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireProject(principal, projectId, Action.PROJECT_MEMBERS_MANAGE);
    }

    /** The requested principal, when it exists, is active and may hold the requested role. */
    private ProjectMembers.Principal eligible(String workspaceId, NewMember request, String fieldPrefix) {
        String field = fieldPrefix + "principalId";
        if (request.principalType().equals("team")) {
            members.lockTeam(workspaceId, request.principalId());
        }
        ProjectMembers.Principal principal = members.principal(workspaceId, request.principalType(),
                request.principalId())
                .orElseThrow(() -> ApiProblem.referenceNotFound(field, request.principalId()));
        if (!principal.active()) {
            // API clients are listed only to who manages them: a disabled one stays the 404 of an unknown one.
            throw principal.type().equals("user") ? ApiProblem.deactivated(field)
                    : ApiProblem.referenceNotFound(field, request.principalId());
        }
        requireRoleOption(principal, request.role(), fieldPrefix + "role");
        return principal;
    }

    private static void requireRoleOption(ProjectMembers.Principal principal, ProjectRole role, String field) {
        if (!roleOptions(principal).contains(role)) {
            throw ApiProblem.invalid(field, "a guest user can hold at most collaborator");
        }
    }

    private ProjectMembers.Member member(String workspaceId, String projectId, String memberId) {
        return members.find(workspaceId, projectId, memberId)
                .orElseThrow(() -> ApiProblem.notFound("Project member " + memberId));
    }

    private static boolean isGuestUser(String type, @Nullable String workspaceRole) {
        return type.equals("user") && WorkspaceRole.GUEST.key().equals(workspaceRole);
    }

    static List<ProjectRole> roleOptions(ProjectMembers.Principal principal) {
        if (principal.type().equals("team")) {
            return List.of(ProjectRole.values());
        }
        PrincipalType type = principal.type().equals("user") ? PrincipalType.USER : PrincipalType.API_CLIENT;
        WorkspaceRole role = WorkspaceRole.fromKey(String.valueOf(principal.workspaceRole())).orElse(WorkspaceRole.GUEST);
        return AccessPolicy.projectRoleOptions(type, role);
    }

    private static List<String> keys(List<ProjectRole> roles) {
        return roles.stream().map(ProjectRole::key).toList();
    }

    private static MemberView view(ProjectMembers.Member member) {
        ProjectMembers.Principal principal = member.principal();
        return new MemberView(principal.id(), principal.type(), principal.id(), principal.name(), member.role(),
                keys(roleOptions(principal)), principal.active(), member.addedAt(), member.addedBy(), member.version());
    }

    /**
     * A guest user holds at most {@code collaborator}: when a member becomes a guest, each stronger
     * project role of theirs comes down to it, in the same transaction. Refused (409) where they are
     * a project's last manager, as taking that role away directly would be.
     */
    @EventListener
    void capRolesOfNewGuest(MemberBecameGuest event) {
        List<String> lastManagerOf = new ArrayList<>();
        for (ProjectMembers.Held held : members.aboveCollaborator(event.workspaceId(), event.userId())) {
            projects.lock(event.workspaceId(), held.projectId());
            if (held.role().equals(ProjectRole.MANAGER.key())
                    && members.countManagers(event.workspaceId(), held.projectId()) <= 1) {
                lastManagerOf.add(held.projectId());
                continue;
            }
            if (!members.changeRole(event.workspaceId(), held.projectId(), event.userId(),
                    ProjectRole.COLLABORATOR.key(), held.version())) {
                throw Versions.concurrentUpdate();
            }
            audit.record(event.workspaceId(), event.changedBy(), "project.member_updated", "project",
                    held.projectId(), "user=" + event.userId() + ",role=collaborator,reason=became_guest");
        }
        if (!lastManagerOf.isEmpty()) {
            throw lastManagerOfSome(authorization.enter(event.changedBy(), event.workspaceId()), lastManagerOf,
                    "This person is the last manager of", ", and a guest can be at most collaborator: make someone"
                            + " else manager there first");
        }
    }

    /**
     * Refuses (409) to take a team out of the projects where it is the last manager, as removing
     * that membership directly would be: a team being deleted. The projects are held until the
     * transaction ends, so none loses its other managers meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireNoProjectLosesItsLastManager(WorkspacePrincipal actor, String teamId) {
        List<String> lastManagerOf = new ArrayList<>();
        for (String projectId : members.managerOf(actor.workspaceId(), "team", teamId)) {
            projects.lock(actor.workspaceId(), projectId);
            if (members.countManagers(actor.workspaceId(), projectId) <= 1) {
                lastManagerOf.add(projectId);
            }
        }
        if (!lastManagerOf.isEmpty()) {
            throw lastManagerOfSome(actor, lastManagerOf, "This team is the last manager of",
                    ": make someone else manager there first");
        }
    }

    /** Names the projects the caller may read; the others are only counted, so no private project is revealed. */
    private ApiProblem lastManagerOfSome(WorkspacePrincipal actor, List<String> projectIds, String who,
            String remedy) {
        List<String> readable = projectIds.stream()
                .filter(id -> authorization.project(actor, id)
                        .map(project -> authorization.decide(actor, Action.PROJECT_READ,
                                new ProjectResource(project)).allowed())
                        .orElse(false))
                .toList();
        int hidden = projectIds.size() - readable.size();
        String named = readable.isEmpty() ? "" : " " + String.join(", ", readable);
        String others = hidden == 0 ? "" : (readable.isEmpty() ? " " : " and ") + hidden
                + " project(s) you cannot see";
        return ApiProblem.conflict("last_manager", who + named + others + remedy).with("projectIds", readable);
    }

    private static ApiProblem lastManager() {
        return ApiProblem.conflict("last_manager", "A project needs at least one manager: make someone else"
                + " manager first");
    }
}
