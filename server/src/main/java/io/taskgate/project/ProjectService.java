package io.taskgate.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.Visibility;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.web.Cursors;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;

/** Use cases of projects: create (the creator becomes manager), read, list what one may see, change, delete. */
@Service
public class ProjectService {

    private final Projects projects;
    private final ProjectMembers members;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    ProjectService(Projects projects, ProjectMembers members, Authorization authorization, AuditLog audit,
            Clock clock) {
        this.projects = projects;
        this.members = members;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    /** A project, with the caller's effective role in it ({@code myRole}). */
    public record ProjectView(String id, String name, String description, String visibility, Instant createdAt,
            String createdBy, Instant updatedAt, @Nullable String myRole, long version) {
    }

    public record NewProject(String name, @Nullable String description, Visibility visibility) {
    }

    public record ProjectChange(@Nullable String name, @Nullable String description, @Nullable Visibility visibility) {
    }

    @Transactional
    public ProjectView create(Caller caller, String workspaceId, NewProject request) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.require(principal, WorkspacePermission.PROJECTS_CREATE);
        Instant now = clock.instant();
        var project = new Projects.Project(workspaceId, Ids.next("prj", clock), request.name().trim(),
                request.description() == null ? "" : request.description(), request.visibility().key(), now,
                caller.id(), now, 1);
        projects.insert(project);
        var creator = new ProjectMembers.Principal(caller.type(), caller.id(), caller.name(), principal.roleKey(), true);
        // The creator manages the project: the core refuses projects.create to a guest user, who
        // could hold at most collaborator and so leave the project without a manager.
        members.insert(workspaceId, project.id(), creator, ProjectRole.MANAGER.key(), now, caller.id());
        audit.record(workspaceId, caller, "project.created", "project", project.id(),
                "visibility=" + project.visibility());
        return view(project, ProjectRole.MANAGER);
    }

    public ProjectView get(Caller caller, String workspaceId, String projectId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        ProjectFacts facts = authorization.requireProject(principal, projectId, Action.PROJECT_READ);
        return view(projects.find(workspaceId, projectId).orElseThrow(),
                AccessPolicy.effectiveProjectRole(principal.facts(), facts));
    }

    public Page<ProjectView> list(Caller caller, String workspaceId, @Nullable String cursor, @Nullable Integer limit) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        List<Projects.Project> rows = projects.listVisible(workspaceId, authorization.projectReadScope(principal),
                principal.principalType(), principal.id(), Cursors.decode(cursor, "prj"), size + 1);
        return withRoles(principal, Page.fromOverfetch(rows, size, Projects.Project::id));
    }

    /** Every project the principal is a member of, directly or through a team (for rules about acting as it). */
    /**
     * Holds the rows of the projects the principal is a member of, in id order, until the
     * transaction ends, and answers their ids: what a change taking it out of all of them (a
     * team's deletion) takes first, as every change of a project's members does, so the two
     * never wait on each other in opposite orders.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> lockMemberProjects(String workspaceId, String principalType, String principalId) {
        List<String> ids = authorization.memberProjectIds(workspaceId, principalType, principalId);
        ids.forEach(id -> projects.lock(workspaceId, id));
        return ids;
    }


    Page<ProjectView> listMine(Caller caller, String workspaceId, @Nullable String cursor, @Nullable Integer limit) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        List<Projects.Project> rows = projects.listMemberOf(workspaceId, principal.principalType(), principal.id(),
                Cursors.decode(cursor, "prj"), size + 1);
        return withRoles(principal, Page.fromOverfetch(rows, size, Projects.Project::id));
    }

    @Transactional
    public ProjectView change(Caller caller, String workspaceId, String projectId, ProjectChange change,
            @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        ProjectFacts facts = authorization.requireProject(principal, projectId, Action.PROJECT_UPDATE);
        Projects.Project current = projects.find(workspaceId, projectId).orElseThrow();
        Versions.requireCurrent(expectedVersion, current.version());
        var changed = new Projects.Project(workspaceId, projectId,
                change.name() == null ? current.name() : change.name().trim(),
                change.description() == null ? current.description() : change.description(),
                change.visibility() == null ? current.visibility() : change.visibility().key(), current.createdAt(),
                current.createdBy(), clock.instant(), current.version() + 1);
        if (changed.name().equals(current.name()) && changed.description().equals(current.description())
                && changed.visibility().equals(current.visibility())) {
            // Nothing to write: the version, and so every ETag handed out, stands.
            return view(current, AccessPolicy.effectiveProjectRole(principal.facts(), facts));
        }
        if (!projects.update(changed, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.record(workspaceId, caller, "project.updated", "project", projectId,
                "visibility=" + changed.visibility());
        return view(changed, AccessPolicy.effectiveProjectRole(principal.facts(), facts));
    }

    @Transactional
    public void delete(Caller caller, String workspaceId, String projectId, @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireProject(principal, projectId, Action.PROJECT_DELETE);
        projects.lock(workspaceId, projectId);
        long current = projects.find(workspaceId, projectId).orElseThrow().version();
        Versions.requireCurrent(expectedVersion, current);
        members.deleteAll(workspaceId, projectId);
        projects.delete(workspaceId, projectId);
        audit.record(workspaceId, caller, "project.deleted", "project", projectId, null);
    }

    private Page<ProjectView> withRoles(WorkspacePrincipal principal, Page<Projects.Project> page) {
        Map<String, ProjectFacts> facts = authorization.projects(principal,
                page.items().stream().map(Projects.Project::id).toList());
        return page.map(project -> view(project, facts.containsKey(project.id())
                ? AccessPolicy.effectiveProjectRole(principal.facts(), facts.get(project.id()))
                : null));
    }

    private static ProjectView view(Projects.Project project, @Nullable ProjectRole myRole) {
        return new ProjectView(project.id(), project.name(), project.description(), project.visibility(),
                project.createdAt(), project.createdBy(), project.updatedAt(), myRole == null ? null : myRole.key(),
                project.version());
    }
}
