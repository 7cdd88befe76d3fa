package io.taskgate.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.CredentialState;
import io.taskgate.access.Remedy;
import io.taskgate.access.UserFacts;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.Needs;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Accounts;
import io.taskgate.identity.Caller;
import io.taskgate.identity.IdentityService;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;
import io.swagger.v3.oas.annotations.media.Schema;

/** Use cases of workspaces and their people: create a workspace, add people, change their role or deactivate them. */
@Service
public class WorkspaceService {

    private final Workspaces workspaces;
    private final Members members;
    private final IdentityService identity;
    private final Authorization authorization;
    private final CustomRoles customRoles;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkspaceService(Workspaces workspaces, Members members, IdentityService identity, Authorization authorization,
            CustomRoles customRoles, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.workspaces = workspaces;
        this.members = members;
        this.identity = identity;
        this.authorization = authorization;
        this.customRoles = customRoles;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A workspace, with the caller's role in it. */
    public record WorkspaceView(String id, String name, Instant createdAt, String role, long version) {
    }

    @Schema(name = "WorkspaceUser") // three features have a member: one name each in the OpenAPI document
    public record MemberView(String id, String email, String name, String role, List<String> customRoleIds,
            boolean active, String status, Instant addedAt, long version) {

        static MemberView of(Members.Member member) {
            return new MemberView(member.userId(), member.email(), member.name(), member.role(),
                    member.customRoleIds(), member.active(), member.invited() ? "invited" : "registered",
                    member.addedAt(), member.version());
        }
    }

    @Transactional
    public WorkspaceView create(Caller caller, String name) {
        if (!(caller instanceof Caller.User user)) {
            // No permission or role lets a client create workspaces: what it needs is a person's session.
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "users_only",
                    "An API client belongs to the workspace it was created in and cannot create workspaces;"
                            + " a person signed in with a session can")
                    .with("requiredPermission", "user session")
                    .with("remedies", List.of(new Remedy(Remedy.SIGN_IN_AS_USER,
                            "Create the workspace signed in as a person (POST /api/v1/auth/login); an API client"
                                    + " for it is then created inside it (POST /api/v1/workspaces/{id}/api-clients)",
                            caller.type(), caller.id(), null, null, null, null, null, List.of(), List.of())));
        }
        var workspace = new Workspaces.Workspace(Ids.next("ws", clock), name.trim(), clock.instant(), user.id(), 1);
        workspaces.insert(workspace);
        members.insert(workspace.id(), user.id(), WorkspaceRole.OWNER.key(), workspace.createdAt(), null);
        audit.record(workspace.id(), caller, "workspace.created", "workspace", workspace.id(), null);
        return new WorkspaceView(workspace.id(), workspace.name(), workspace.createdAt(), WorkspaceRole.OWNER.key(),
                workspace.version());
    }

    @Transactional(readOnly = true)
    public WorkspaceView get(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        Workspaces.Workspace workspace = workspaces.find(workspaceId).orElseThrow();
        return new WorkspaceView(workspace.id(), workspace.name(), workspace.createdAt(), principal.roleKey(),
                workspace.version());
    }

    @Transactional(readOnly = true)
    public Page<WorkspaceView> listMine(Caller caller, @Nullable String cursor, @Nullable Integer limit) {
        if (caller instanceof Caller.ApiClient client) {
            return new Page<>(List.of(get(caller, client.workspaceId())), null);
        }
        int size = Cursors.limit(limit);
        List<Workspaces.Membership> rows = workspaces.listForUser(caller.id(), Cursors.decode(cursor, "ws"), size + 1);
        return Page.fromOverfetch(rows, size, Workspaces.Membership::workspaceId)
                .map(row -> new WorkspaceView(row.workspaceId(), row.name(), row.createdAt(), row.role(),
                        row.version()));
    }

    /** Where the user's access was switched off, so a person who lost every workspace is told why. */
    public List<String> deactivatedIn(Caller caller) {
        return caller instanceof Caller.User ? workspaces.namesWhereDeactivated(caller.id()) : List.of();
    }

    @Transactional(readOnly = true)
    public Page<MemberView> listMembers(Caller caller, String workspaceId, @Nullable String cursor,
            @Nullable Integer limit) {
        authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        return Page.fromOverfetch(members.list(workspaceId, Cursors.decode(cursor, "usr"), size + 1), size,
                Members.Member::userId).map(MemberView::of);
    }

    @Transactional(readOnly = true)
    public MemberView getMember(Caller caller, String workspaceId, String userId) {
        authorization.enter(caller, workspaceId);
        return members.find(workspaceId, userId).map(MemberView::of)
                .orElseThrow(() -> ApiProblem.notFound("User " + userId));
    }

    @Transactional
    public MemberView addMember(Caller caller, String workspaceId, String email, WorkspaceRole role,
            List<String> customRoleIds) {
        WorkspacePrincipal principal = manager(caller, workspaceId);
        // The role and the custom roles given, judged together: one refusal names every lack.
        customRoles.needsToGive(managing(principal).permissions(role.permissions()), customRoleIds)
                .requireAll(GRANTING);
        Accounts.Account account = identity.findOrInvite(email);
        if (members.find(workspaceId, account.id()).isPresent()) {
            throw ApiProblem.conflict("already_member", email.trim() + " is already a member of this workspace");
        }
        members.insert(workspaceId, account.id(), role.key(), clock.instant(), caller.id());
        customRoles.replaceAssignments(principal, "user", account.id(), customRoleIds);
        audit.record(workspaceId, caller, "member.added", "user", account.id(), "role=" + role.key());
        return members.find(workspaceId, account.id()).map(MemberView::of).orElseThrow();
    }

    public record MemberChange(@Nullable WorkspaceRole role, @Nullable List<String> customRoleIds,
            @Nullable Boolean active) {
    }

    /** {@code expectedVersion} is the version named by {@code If-Match}, or null when there is none. */
    @Transactional
    public MemberView changeMember(Caller caller, String workspaceId, String userId, MemberChange change,
            @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = manager(caller, workspaceId);
        Members.Member current = members.find(workspaceId, userId)
                .orElseThrow(() -> ApiProblem.notFound("User " + userId));
        Versions.requireCurrent(expectedVersion, current.version());
        WorkspaceRole role = change.role() == null ? WorkspaceRole.fromKey(current.role()).orElseThrow() : change.role();
        boolean active = change.active() == null ? current.active() : change.active();
        if (role.key().equals(current.role()) && active == current.active() && (change.customRoleIds() == null
                || new HashSet<>(change.customRoleIds()).equals(new HashSet<>(current.customRoleIds())))) {
            managing(principal).requireAll("Changing a member is managing members");
            return MemberView.of(current); // nothing to write: the version, and so every ETag handed out, stands
        }
        boolean wasOwner = current.role().equals(WorkspaceRole.OWNER.key());
        Needs needs = managing(principal);
        // Changing someone's role or switching them off takes holding all their role grants.
        if (!role.key().equals(current.role()) || active != current.active()) {
            needs.permissions(WorkspaceRole.fromKey(current.role()).orElseThrow().permissions())
                    .permissions(role.permissions());
        }
        if (active != current.active()) {
            // Found by an audit: a members.manage holder could switch off someone whose custom roles
            // grant more than the holder has.
            customRoles.needsToTakeAllFrom(needs, "user", userId);
        }
        if (!role.key().equals(current.role()) || active != current.active()) {
            // A guest made a member (its cap lifted), or someone switched on again, gets back their
            // roles in their projects: as adding them there, it takes what those roles allow.
            UserFacts before = (UserFacts) authorization.principal(workspaceId, "user", userId,
                    CredentialState.ACTIVE).orElseThrow(() -> ApiProblem.notFound("User " + userId));
            needs.raisingIn(before, before.withWorkspaceRole(role).withActive(active));
        }
        if (change.customRoleIds() != null) {
            customRoles.needsToAssign(needs, "user", userId, change.customRoleIds());
        }
        needs.requireAll(GRANTING);
        boolean losesOwnership = wasOwner && current.active() && !current.invited()
                && (role != WorkspaceRole.OWNER || !active);
        if (losesOwnership && members.lockActiveOwners(workspaceId) <= 1) {
            throw ApiProblem.conflict("last_owner",
                    "This is the workspace's last active owner: make someone else owner first");
        }
        if (!members.update(workspaceId, userId, role.key(), active, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        if (role == WorkspaceRole.GUEST && WorkspaceRole.fromKey(current.role()).map(WorkspaceRole::licensed)
                .orElse(false)) {
            events.publishEvent(new MemberBecameGuest(workspaceId, userId, caller));
        }
        if (change.customRoleIds() != null) {
            customRoles.replaceAssignments(principal, "user", userId, change.customRoleIds());
        }
        audit.record(workspaceId, caller, "member.updated", "user", userId,
                "role=" + role.key() + ",active=" + active
                        + (change.customRoleIds() == null ? "" : ",customRoleIds=" + change.customRoleIds()));
        return members.find(workspaceId, userId).map(MemberView::of).orElseThrow();
    }

    private static final String GRANTING = "Giving a role, or taking it, is granting or revoking all it grants,"
            + " which takes holding it: admins manage members, but cannot crown themselves";

    /**
     * The caller, when it holds {@code members.manage}; a {@code read} API client holding it passes
     * here and is refused with everything else its request needs ({@link #managing}).
     */
    private WorkspacePrincipal manager(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireToRead(principal, WorkspacePermission.MEMBERS_MANAGE);
        return principal;
    }

    /** {@code members.manage} as a write, beside the other needs of the change. */
    private Needs managing(WorkspacePrincipal principal) {
        return authorization.needs(principal).permission(WorkspacePermission.MEMBERS_MANAGE, null);
    }
}
