package io.taskgate.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Test-only console pages with a bug, to see what a browser and the log get from an unexpected
 * failure: one in the handler, and one after it, while its redirect is sent.
 */
@Controller
class FailingPages {

    static final String BROKEN = "/test-only/broken-page";
    static final String BROKEN_REDIRECT = "/test-only/broken-redirect";

    @GetMapping(BROKEN)
    String broken() {
        throw new IllegalStateException("select * from secret_table where password = 'hunter2'");
    }

    /** Tomcat refuses to redirect above the root: an IllegalArgumentException once the handler has returned. */
    @GetMapping(BROKEN_REDIRECT)
    String brokenRedirect() {
        return "redirect:/w/../../secret_table";
    }
}
