package io.taskgate.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint with a bug, to see what a client and the log get from an unexpected failure. */
@RestController
public class FailingEndpoint {

    public static final String PATH = "/api/v1/test-only/broken";

    @GetMapping(PATH)
    String broken() {
        throw new IllegalStateException("select * from secret_table where password = 'hunter2'");
    }
}
