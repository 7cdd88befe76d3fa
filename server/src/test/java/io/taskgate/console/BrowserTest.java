package io.taskgate.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.taskgate.testing.HttpTest;

/**
 * Base of the console's browser tests: the real application (shared context of the HTTP tests)
 * driven by Debian's chromium through Playwright, headless, with no browser download ever. A
 * machine where the browser cannot start fails these tests loudly: they never skip.
 */
@Tag("browser")
abstract class BrowserTest extends HttpTest {

    static final Path CHROMIUM = Path.of(System.getProperty("taskgate.test.chromium", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    static final String PASSWORD = "correct horse battery";

    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The browser tests need chromium at " + CHROMIUM
                    + " (apt-get install chromium); they do not skip without it");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 800));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** A second person in their own browser, e.g. a member with fewer permissions. */
    protected Page newBrowserSession() {
        BrowserContext other = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setViewportSize(1280, 800));
        other.setDefaultTimeout(15_000);
        return other.newPage();
    }

    static String uniqueEmail(String name) {
        return name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
    }

    /** Signs up through the console's form; the console logs the new person in. Returns the email. */
    static String signUp(Page page, String name) {
        return signUp(page, name, uniqueEmail(name));
    }

    static String signUp(Page page, String name, String email) {
        page.navigate("/signup");
        page.getByLabel("Name").fill(name);
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign up")).click();
        return email;
    }

    static void logIn(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /**
     * A destructive action's two clicks: the summary that opens its confirmation, labelled
     * {@code action + "…"}, then the button that does it, labelled {@code action}.
     */
    static void confirm(Page page, String action) {
        page.locator("summary[aria-label='" + action + "…']").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(action).setExact(true)).click();
    }

    /** Creates a workspace through the console and answers its id, read from the URL it opens. */
    static String createWorkspace(Page page, String name) {
        page.navigate("/workspaces");
        page.getByLabel("Name").fill(name);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Create workspace")).click();
        page.waitForURL("**/w/*/projects");
        return page.url().replaceAll(".*/w/([^/]+)/projects.*", "$1");
    }
}
