package io.taskgate.authorization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.Decision;
import io.taskgate.access.DenialReason;
import io.taskgate.access.PositionsResource;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectResource;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.Remedy;
import io.taskgate.access.Resource;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceResource;
import io.taskgate.web.ApiProblem;

/**
 * Everything one request needs the caller to be allowed, judged together: granting a role that
 * holds several permissions and positions, acting as an API client that sits in several projects.
 * Asked one by one, each refusal named only the first lack, and following its remedy led only to
 * the next 403. {@link #requireAll} names every lack at once, with the remedies that cure them
 * all: a single change each denial offers (a workspace-wide permission, say), or one step per
 * denial made together.
 */
public final class Needs {

    /** What one need came to: its decision, the remedies that may be shown, and how to say what it lacks. */
    private record Denial(Decision decision, List<Remedy> remedies, String lacking, @Nullable String context,
            boolean hidesProject) {
    }

    private final Authorization authorization;
    private final WorkspacePrincipal principal;
    private final List<Denial> denials = new ArrayList<>();
    private final Set<Object> judged = new HashSet<>();
    private final Map<Object, Integer> denialOf = new HashMap<>();

    Needs(Authorization authorization, WorkspacePrincipal principal) {
        this.authorization = authorization;
        this.principal = principal;
    }

    public String workspaceId() {
        return principal.workspaceId();
    }

    /** Each permission held workspace-wide, as granting it takes. */
    public Needs permissions(Collection<WorkspacePermission> permissions) {
        for (WorkspacePermission permission : WorkspacePermission.values()) {
            if (permissions.contains(permission)) {
                permission(permission, null);
            }
        }
        return this;
    }

    /** One permission held workspace-wide; {@code context}, when given, says why it is needed. */
    public Needs permission(WorkspacePermission permission, @Nullable String context) {
        return judge(Action.of(permission), WorkspaceResource.INSTANCE, context, permission.key());
    }

    /** {@code shift.edit} on each position, as making master tasks for it: giving it takes having it. */
    public Needs masterTasksFor(Collection<String> positionIds) {
        if (!positionIds.isEmpty()) {
            action(Action.MASTER_TASK_CREATE, new PositionsResource(List.copyOf(new LinkedHashSet<>(positionIds))),
                    null);
        }
        return this;
    }

    public Needs action(Action action, Resource resource, @Nullable String context) {
        return judge(action, resource, context, null);
    }

    /** {@code lacking} names what is missing when denied; null for the core's required permission. */
    private Needs judge(Action action, Resource resource, @Nullable String context, @Nullable String lacking) {
        Object need = List.of(action, resource);
        if (!judged.add(need)) {
            // Asked again, perhaps now saying why (tasks.edit_all for access level global): keep the why.
            Integer at = denialOf.get(need);
            if (at != null && context != null && denials.get(at).context() == null) {
                Denial denial = denials.get(at);
                denials.set(at, new Denial(denial.decision(), denial.remedies(), denial.lacking(), context,
                        denial.hidesProject()));
            }
            return this;
        }
        Decision decision = authorization.decide(principal, action, resource);
        if (decision.allowed()) {
            return this;
        }
        if (!decision.visible()) {
            throw authorization.refusal(principal, resource, decision);
        }
        // A permission held but refused for the access level is named as the level it needs.
        boolean held = decision.explanation().denialReason() == DenialReason.READ_ONLY_ACCESS;
        denialOf.put(need, denials.size());
        denials.add(new Denial(decision, decision.explanation().remedies(),
                lacking == null || held ? lacking(decision) : lacking, context, false));
        return this;
    }

    /**
     * {@code action} in a project the caller meets only through someone else (a team it would
     * join, an API client it would act as). When the caller cannot see the project, the refusal
     * does not name it, not even by id, and offers only the remedies that name no project.
     */
    public Needs inUnnamedProject(String projectId, Action action) {
        if (!judged.add(List.of(action, projectId))) {
            return this;
        }
        Optional<ProjectFacts> project = authorization.project(principal, projectId);
        if (project.isEmpty()) {
            return this; // deleted meanwhile: there is nothing left to act in
        }
        Decision decision = authorization.decide(principal, action, new ProjectResource(project.get()));
        if (decision.allowed()) {
            return this;
        }
        if (decision.visible()) {
            denials.add(new Denial(decision, decision.explanation().remedies(), lacking(decision), null, false));
        } else {
            denials.add(new Denial(decision, decision.explanation().remedies().stream()
                    .filter(Needs::namesNoProject).toList(),
                    decision.explanation().requiredPermission() + " in that project", null, true));
        }
        return this;
    }

    /**
     * A change of a principal itself (its workspace role, whether it is active) that raises its
     * role in a project, as making a guest a member lifts the guest's cap there, gives that role
     * as surely as adding it would: so each project where its role would rise takes, of the actor,
     * what that role allows there.
     */
    public Needs raisingIn(PrincipalFacts before, PrincipalFacts after) {
        for (String projectId : authorization.memberProjectIds(workspaceId(), after.type().key(), after.id())) {
            ProjectRole was = roleIn(before, projectId);
            ProjectRole will = roleIn(after, projectId);
            if (will != null && (was == null || will.compareTo(was) > 0)) {
                inUnnamedProject(projectId, actionOnly(will));
            }
        }
        return this;
    }

    private @Nullable ProjectRole roleIn(PrincipalFacts principal, String projectId) {
        return !principal.active() ? null : authorization.project(workspaceId(), principal, projectId)
                .map(project -> AccessPolicy.effectiveProjectRole(principal, project)).orElse(null);
    }

    /** The action only a project role this strong (or stronger) may take: holding it means holding the role. */
    public static Action actionOnly(ProjectRole role) {
        return switch (role) {
            case MANAGER -> Action.PROJECT_MEMBERS_MANAGE;
            case EDITOR -> Action.LIST_UPDATE;
            case CREATOR -> Action.TASK_CREATE;
            case COLLABORATOR, GUEST -> Action.PROJECT_READ;
        };
    }

    private static boolean namesNoProject(Remedy remedy) {
        return remedy.projectId() == null && remedy.steps().stream().allMatch(Needs::namesNoProject);
    }

    private static String lacking(Decision decision) {
        String required = decision.explanation().requiredPermission();
        List<String> positions = decision.explanation().lackingPositionIds();
        return (required == null ? "permission" : required) + (positions.isEmpty() ? "" : " on " + positions);
    }

    /**
     * Refuses with 403 unless every need is met. {@code detail} says what the request takes; for a
     * single denial the refusal is the one {@link Authorization#require} gives (unless it is in a
     * project the caller cannot see, when {@code detail} is all it says).
     */
    public void requireAll(String detail) {
        if (denials.isEmpty()) {
            return;
        }
        if (denials.size() == 1 && !denials.getFirst().hidesProject()) {
            Denial only = denials.getFirst();
            ApiProblem refused = Authorization.forbidden(only.decision());
            throw only.context() == null ? refused : refused.whileDoing(only.context());
        }
        Set<String> lacking = new LinkedHashSet<>();
        Set<String> positions = new LinkedHashSet<>();
        List<String> contexts = new ArrayList<>();
        for (Denial denial : denials) {
            lacking.add(denial.lacking());
            positions.addAll(denial.decision().explanation().lackingPositionIds());
            if (denial.context() != null) {
                contexts.add(denial.context());
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("requiredPermission", String.join(", ", lacking));
        properties.put("lackingPermissions", List.copyOf(lacking));
        if (!positions.isEmpty()) {
            properties.put("lackingPositionIds", List.copyOf(positions));
        }
        properties.put("remedies", remediesForAll());
        properties.put("denials", denials.stream().filter(denial -> !denial.hidesProject())
                .map(denial -> ExplanationView.of(denial.decision())).toList());
        StringBuilder message = new StringBuilder(detail).append(": it lacks ").append(String.join(", ", lacking))
                .append('.');
        contexts.forEach(context -> message.append(' ').append(context).append('.'));
        // Why each is lacking (an access level that allows only reading, say), in the core's words;
        // not for a project the caller cannot see, which its words would name.
        denials.stream().filter(denial -> !denial.hidesProject())
                .map(denial -> denial.decision().explanation().summary()).distinct()
                .forEach(summary -> message.append(' ').append(summary));
        throw ApiProblem.forbidden(message.toString(), properties);
    }

    /**
     * The single changes every denial offers (each alone cures them all), then one remedy making
     * each denial's first together (sound, since every remedy the core offers only adds). None
     * when some denial offers nothing.
     */
    private List<Remedy> remediesForAll() {
        if (denials.stream().anyMatch(denial -> denial.remedies().isEmpty())) {
            return List.of();
        }
        List<Remedy> remedies = new ArrayList<>(denials.getFirst().remedies().stream()
                .filter(remedy -> denials.stream().allMatch(denial -> denial.remedies().contains(remedy)))
                .toList());
        Remedy.together(denials.stream().map(denial -> denial.remedies().getFirst()).toList())
                .filter(together -> !remedies.contains(together))
                .ifPresent(remedies::add);
        return List.copyOf(remedies);
    }
}
