package io.taskgate.testing;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint with a bug, to see what a client and the log get from an unexpected failure. */
@RestController
public class FailingEndpoint {

    public static final String PATH = "/api/v1/test-only/broken";
    public static final String ORPHAN_PATH = "/api/v1/test-only/member-of-a-deleted-team";

    private final JdbcClient jdbc;

    public FailingEndpoint(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(PATH)
    String broken() {
        throw new IllegalStateException("select * from secret_table where password = 'hunter2'");
    }

    /**
     * What a write racing a delete meets: its checks passed, then the row it refers to went. The
     * database's own foreign key refuses the write, on H2 and PostgreSQL alike.
     */
    @Transactional
    @PostMapping(ORPHAN_PATH)
    void memberOfADeletedTeam() {
        jdbc.sql("insert into team_member (workspace_id, team_id, principal_type, principal_id, added_at)"
                        + " values ('ws_gone', 'team_gone', 'user', 'usr_gone', :at)")
                .param("at", OffsetDateTime.now())
                .update();
    }
}
