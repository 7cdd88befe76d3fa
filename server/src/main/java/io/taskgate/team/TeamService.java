package io.taskgate.team;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.Action;
import io.taskgate.access.PrincipalType;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.apiclient.ApiClientDirectory;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.Needs;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.project.ProjectMemberService;
import io.taskgate.project.ProjectService;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;
import io.taskgate.workspace.MemberDirectory;
import io.swagger.v3.oas.annotations.media.Schema;

/** Use cases of teams: any member reads them, {@code teams.manage} changes them and who is in them. */
@Service
public class TeamService {

    private final TeamStore teams;
    private final ProjectService projects;
    private final ProjectMemberService projectMembers;
    private final MemberDirectory people;
    private final ApiClientDirectory clients;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    TeamService(TeamStore teams, MemberDirectory people, ApiClientDirectory clients, ProjectService projects,
            ProjectMemberService projectMembers, Authorization authorization, AuditLog audit, Clock clock) {
        this.teams = teams;
        this.projects = projects;
        this.projectMembers = projectMembers;
        this.people = people;
        this.clients = clients;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    /** A team; its version moves when it is renamed and when its members change. */
    public record TeamView(String id, String name, int memberCount, Instant createdAt, long version) {
    }

    /** {@code active} is false for a deactivated person or a disabled client: they stay listed, without access. */
    @Schema(name = "TeamMember") // three features have a member: one name each in the OpenAPI document
    public record MemberView(String principalType, String principalId, @Nullable String name, boolean active,
            Instant addedAt) {
    }

    @Transactional
    public TeamView create(Caller caller, String workspaceId, String name) {
        writer(caller, workspaceId);
        var team = new TeamStore.Team(workspaceId, Ids.next("team", clock), name.trim(), clock.instant(), 1);
        teams.insert(team);
        audit.record(workspaceId, caller, "team.created", "team", team.id(), "name=" + team.name());
        return new TeamView(team.id(), team.name(), 0, team.createdAt(), team.version());
    }

    public Page<TeamView> list(Caller caller, String workspaceId, @Nullable String cursor, @Nullable Integer limit) {
        authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        Page<TeamStore.Team> page = Page.fromOverfetch(teams.list(workspaceId, Cursors.decode(cursor, "team"), size + 1),
                size, TeamStore.Team::id);
        Map<String, Integer> counts = teams.memberCounts(workspaceId,
                page.items().stream().map(TeamStore.Team::id).toList());
        return page.map(team -> view(team, counts));
    }

    public TeamView get(Caller caller, String workspaceId, String teamId) {
        authorization.enter(caller, workspaceId);
        return view(find(workspaceId, teamId));
    }

    /** {@code expectedVersion} is the version named by {@code If-Match}, or null when there is none. */
    @Transactional
    public TeamView rename(Caller caller, String workspaceId, String teamId, String name,
            @Nullable Precondition expectedVersion) {
        writer(caller, workspaceId);
        TeamStore.Team current = find(workspaceId, teamId);
        Versions.requireCurrent(expectedVersion, current.version());
        if (current.name().equals(name.trim())) {
            return view(current); // nothing to write: the version, and so every ETag handed out, stands
        }
        if (!teams.rename(workspaceId, teamId, name.trim(), current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "team.updated", "team", teamId, "name=" + name.trim());
        return view(new TeamStore.Team(workspaceId, teamId, name.trim(), current.createdAt(), current.version() + 1));
    }

    /**
     * Its members and its project memberships go with it: so deleting it takes what taking it out
     * of each of its projects would (managing their members), and no project may lose its last
     * manager with it.
     */
    @Transactional
    public void delete(Caller caller, String workspaceId, String teamId, @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = changer(caller, workspaceId);
        // Its projects first, then the team: the order every change of a project's members takes.
        projects.lockMemberProjects(workspaceId, "team", teamId);
        teams.lock(workspaceId, teamId);
        TeamStore.Team current = find(workspaceId, teamId);
        requireMayChangeProjectsOf(principal, current, "delete it");
        Versions.requireCurrent(expectedVersion, current.version());
        projectMembers.requireNoProjectLosesItsLastManager(principal, teamId);
        if (!teams.delete(workspaceId, teamId, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "team.deleted", "team", teamId, null);
    }

    @Transactional
    public MemberView addMember(Caller caller, String workspaceId, String teamId, PrincipalType type, String principalId) {
        WorkspacePrincipal principal = changer(caller, workspaceId);
        // Held before the team's projects are read: a team being made a member of a project
        // meanwhile (which holds this row too) is then either seen here or made after this join.
        teams.lock(workspaceId, teamId);
        TeamStore.Team team = find(workspaceId, teamId);
        requireMayChangeProjectsOf(principal, team, "add people to it");
        MemberView member = newMember(workspaceId, type, principalId)
                .orElseThrow(() -> ApiProblem.referenceNotFound("principalId", principalId));
        if (!teams.addMember(workspaceId, teamId, new TeamStore.Member(type.key(), principalId, member.addedAt()))) {
            throw ApiProblem.conflict("already_member", (member.name() == null ? principalId : member.name())
                    + " (" + principalId + ") is already a member of team " + team.name());
        }
        teams.touch(workspaceId, teamId);
        audit.record(workspaceId, caller, "team.member_added", "team", teamId,
                "principalType=" + type.key() + ",principalId=" + principalId);
        return member;
    }

    public Page<MemberView> listMembers(Caller caller, String workspaceId, String teamId, @Nullable String cursor,
            @Nullable Integer limit) {
        authorization.enter(caller, workspaceId);
        find(workspaceId, teamId);
        int size = Cursors.limit(limit);
        Page<TeamStore.Member> page = Page.fromOverfetch(
                teams.members(workspaceId, teamId, Cursors.decode(cursor, "usr", "cli"), size + 1), size,
                TeamStore.Member::principalId);
        return new Page<>(views(workspaceId, page.items()), page.nextCursor());
    }

    @Transactional
    public void removeMember(Caller caller, String workspaceId, String teamId, String principalId) {
        WorkspacePrincipal principal = changer(caller, workspaceId);
        teams.lock(workspaceId, teamId);
        requireMayChangeProjectsOf(principal, find(workspaceId, teamId), "remove people from it");
        if (!teams.removeMember(workspaceId, teamId, principalId)) {
            throw ApiProblem.notFound("Member " + principalId + " of team " + teamId);
        }
        teams.touch(workspaceId, teamId);
        audit.record(workspaceId, caller, "team.member_removed", "team", teamId, "principalId=" + principalId);
    }

    /**
     * As {@link #writer}, for changes judged with every need together ({@link
     * #requireMayChangeProjectsOf}): a {@code read} API client holding {@code teams.manage} passes
     * here and is refused there, told at once how far its level must rise.
     */
    private WorkspacePrincipal changer(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireToRead(principal, WorkspacePermission.TEAMS_MANAGE);
        return principal;
    }

    private WorkspacePrincipal writer(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.require(principal, WorkspacePermission.TEAMS_MANAGE);
        return principal;
    }

    /**
     * Joining a team is joining every project the team is a member of, with the team's role, and
     * leaving it (or its deletion) is leaving them: so either takes being allowed to manage the
     * members of each of those projects, as adding or removing people there directly would.
     * Without it, teams.manage alone would let its holder add themselves to a team that manages a
     * private project, or take people out of one. A project the actor cannot see is not named,
     * not even by id.
     */
    private void requireMayChangeProjectsOf(WorkspacePrincipal principal, TeamStore.Team team, String what) {
        Needs needs = authorization.needs(principal).permission(WorkspacePermission.TEAMS_MANAGE, null);
        for (String projectId : authorization.memberProjectIds(principal.workspaceId(), "team", team.id())) {
            needs.inUnnamedProject(projectId, Action.PROJECT_MEMBERS_MANAGE);
        }
        needs.requireAll("Team " + team.name() + " is a member of projects where you may not manage members: only"
                + " someone who may manage the members of each of its projects may " + what);
    }

    /** The principal as a new member, when it is a user or client of this workspace. */
    private Optional<MemberView> newMember(String workspaceId, PrincipalType type, String principalId) {
        Instant now = clock.instant();
        return switch (type) {
            case USER -> people.find(workspaceId, principalId)
                    .map(person -> new MemberView(type.key(), principalId, person.name(), person.active(), now));
            case API_CLIENT -> clients.find(workspaceId, principalId)
                    .map(client -> new MemberView(type.key(), principalId, client.name(), client.active(), now));
        };
    }

    private TeamStore.Team find(String workspaceId, String teamId) {
        return teams.find(workspaceId, teamId).orElseThrow(() -> ApiProblem.notFound("Team " + teamId));
    }

    private TeamView view(TeamStore.Team team) {
        return view(team, teams.memberCounts(team.workspaceId(), List.of(team.id())));
    }

    private static TeamView view(TeamStore.Team team, Map<String, Integer> counts) {
        return new TeamView(team.id(), team.name(), counts.getOrDefault(team.id(), 0), team.createdAt(),
                team.version());
    }

    /** Names and states of a page of members, one query per kind of principal. */
    private List<MemberView> views(String workspaceId, List<TeamStore.Member> members) {
        Map<String, MemberDirectory.Person> persons = people.find(workspaceId, idsOf(members, PrincipalType.USER));
        Map<String, ApiClientDirectory.Client> machines = clients.find(workspaceId,
                idsOf(members, PrincipalType.API_CLIENT));
        return members.stream().map(member -> {
            MemberDirectory.Person person = persons.get(member.principalId());
            ApiClientDirectory.Client client = machines.get(member.principalId());
            String name = person != null ? person.name() : client != null ? client.name() : null;
            boolean active = person != null ? person.active() : client != null && client.active();
            return new MemberView(member.principalType(), member.principalId(), name, active, member.addedAt());
        }).toList();
    }

    private static List<String> idsOf(List<TeamStore.Member> members, PrincipalType type) {
        return members.stream().filter(member -> member.principalType().equals(type.key()))
                .map(TeamStore.Member::principalId).toList();
    }
}
