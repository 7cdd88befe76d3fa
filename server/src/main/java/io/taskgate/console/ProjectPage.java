package io.taskgate.console;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.taskgate.access.Action;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.project.ProjectMemberService;
import io.taskgate.project.ProjectService;
import io.taskgate.task.TaskListService;
import io.taskgate.team.TeamService;
import io.taskgate.web.Cursors;

/**
 * The page of one project — its members, its lists and its settings — shared by the controllers whose forms
 * it holds, so a refused form is shown on the page it came from.
 */
@Component
class ProjectPage {

    private final ProjectService projects;
    private final ProjectMemberService members;
    private final TeamService teams;
    private final TaskListService lists;
    private final Layout layout;

    ProjectPage(ProjectService projects, ProjectMemberService members, TeamService teams, TaskListService lists,
            Layout layout) {
        this.projects = projects;
        this.members = members;
        this.teams = teams;
        this.lists = lists;
        this.layout = layout;
    }

    String render(Viewer viewer, String workspaceId, String projectId, Model model, @Nullable Problem problem,
            ProjectMemberService.@Nullable TeamEnrolmentResult enrolment) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "projects");
        ProjectService.ProjectView project = projects.get(viewer.user(), workspaceId, projectId);
        boolean manage = layout.allows(principal, projectId, Action.PROJECT_MEMBERS_MANAGE);
        List<ProjectMemberService.CandidateView> candidates = manage
                ? everyCandidate(viewer, workspaceId, projectId) : List.of();
        model.addAttribute("project", project);
        model.addAttribute("members", members.list(viewer.user(), workspaceId, projectId, null, 200).items());
        model.addAttribute("manage", manage);
        model.addAttribute("candidates", candidates.stream().filter(c -> !c.principalType().equals("team")).toList());
        model.addAttribute("teamCandidates",
                candidates.stream().filter(c -> c.principalType().equals("team")).toList());
        model.addAttribute("teams", manage ? teams.list(viewer.user(), workspaceId, null, 200).items() : List.of());
        model.addAttribute("lists", lists.list(viewer.user(), workspaceId, projectId));
        model.addAttribute("mayCreateList", layout.allows(principal, projectId, Action.LIST_CREATE));
        model.addAttribute("mayChangeLists", layout.allows(principal, projectId, Action.LIST_UPDATE));
        model.addAttribute("mayUpdate", layout.allows(principal, projectId, Action.PROJECT_UPDATE));
        model.addAttribute("mayDelete", layout.allows(principal, projectId, Action.PROJECT_DELETE));
        if (!model.containsAttribute("settingsForm")) {
            model.addAttribute("settingsForm", java.util.Map.of("name", project.name(),
                    "description", project.description(), "visibility", project.visibility()));
        }
        model.addAttribute("problem", problem);
        model.addAttribute("enrolment", enrolment);
        return "console/project";
    }

    /** The pickers offer every candidate, as many pages as it takes. */
    private List<ProjectMemberService.CandidateView> everyCandidate(Viewer viewer, String workspaceId,
            String projectId) {
        List<ProjectMemberService.CandidateView> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = members.candidates(viewer.user(), workspaceId, projectId, cursor, Cursors.MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
