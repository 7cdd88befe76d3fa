package io.taskgate.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.ProjectRole;
import io.taskgate.project.ProjectMemberController;
import io.taskgate.project.ProjectMemberService;
import io.taskgate.web.ApiProblem;

/**
 * One project and its members — people, API clients and teams alike — with role pickers offering
 * exactly the roles the API would accept for each principal, and "add everyone in a team".
 */
@Controller
@RequestMapping("/w/{workspaceId}/projects/{projectId}")
class ProjectMemberPages {

    private final ProjectMemberService members;
    private final ProjectPage projectPage;

    ProjectMemberPages(ProjectMemberService members, ProjectPage projectPage) {
        this.members = members;
        this.projectPage = projectPage;
    }

    @GetMapping
    String show(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId, Model model) {
        return projectPage.render(viewer, workspaceId, projectId, model, null, null);
    }

    @PostMapping("/members")
    String add(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            var request = new ProjectMemberController.AddMember(form.getOrDefault("principalType", ""),
                    form.getOrDefault("principalId", ""), Forms.blankToNull(form.get("role")));
            members.add(viewer.user(), workspaceId, projectId, ProjectMemberController.parse(request, ""));
            return back(workspaceId, projectId);
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, projectId, model, response, "members", problem);
        }
    }

    @PostMapping("/members/{memberId}/role")
    String changeRole(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String memberId, @RequestParam(defaultValue = "") String role, Model model,
            HttpServletResponse response) {
        try {
            ProjectRole parsed = ProjectRole.fromKey(role).orElseThrow(() -> ApiProblem.invalid("role",
                    "must be one of guest, collaborator, creator, editor, manager"));
            members.changeRole(viewer.user(), workspaceId, projectId, memberId, parsed, null);
            return back(workspaceId, projectId);
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, projectId, model, response, "members", problem);
        }
    }

    @PostMapping("/members/{memberId}/remove")
    String remove(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String memberId, Model model, HttpServletResponse response) {
        try {
            members.remove(viewer.user(), workspaceId, projectId, memberId, null);
            return back(workspaceId, projectId);
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, projectId, model, response, "members", problem);
        }
    }

    /** Shows the result on the page itself: who was added, who kept their role, who was skipped and why. */
    @PostMapping("/team-people")
    String addTeamPeople(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam(defaultValue = "") String teamId, @RequestParam(required = false) @Nullable String addAsEditor,
            Model model, HttpServletResponse response) {
        try {
            var result = members.addTeamPeople(viewer.user(), workspaceId, projectId, teamId,
                    addAsEditor != null);
            return projectPage.render(viewer, workspaceId, projectId, model, null, result);
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, projectId, model, response, "team", problem);
        }
    }

    private String refused(Viewer viewer, String workspaceId, String projectId, Model model,
            HttpServletResponse response, String form, ApiProblem problem) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        return projectPage.render(viewer, workspaceId, projectId, model, Problem.of(form, problem), null);
    }

    private static String back(String workspaceId, String projectId) {
        return "redirect:/w/" + workspaceId + "/projects/" + projectId;
    }
}
