package io.taskgate.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.taskgate.web.Cursors;
import io.taskgate.workspace.WorkspaceService;

/**
 * The people of a workspace as a staff task's pages need them: every one by name, to show who a
 * task is for, and the active ones as the assignee picker, whom the API accepts.
 */
@Component
class WorkspaceMembers {

    private final WorkspaceService workspaces;

    WorkspaceMembers(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    /** Every member, active or not, by id: as many pages as it takes. */
    List<WorkspaceService.MemberView> all(Viewer viewer, String workspaceId) {
        List<WorkspaceService.MemberView> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = workspaces.listMembers(viewer.user(), workspaceId, cursor, Cursors.MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Every member's name by id. */
    static Map<String, String> names(List<WorkspaceService.MemberView> members) {
        Map<String, String> names = new LinkedHashMap<>();
        members.forEach(member -> names.put(member.id(), member.name()));
        return names;
    }

    /** The active members' names by id: whom a staff task may be given to. */
    static Map<String, String> assignable(List<WorkspaceService.MemberView> members) {
        Map<String, String> names = new LinkedHashMap<>();
        members.stream().filter(WorkspaceService.MemberView::active)
                .forEach(member -> names.put(member.id(), member.name()));
        return names;
    }
}
