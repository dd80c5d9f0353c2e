package io.shotplan.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.app.security.Role;
import io.shotplan.app.user.UserService;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.FrameProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole flow in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser is
 * downloaded): an admin creates a producer, who logs in, imports the example show, pins a shot, solves with live
 * progress, reads the timeline, solves a scenario, compares the two plans, locks a baseline, dispatches the AI
 * shots and downloads the reports. Screenshots go to {@code target/e2e/}. Without Chromium it skips, except with
 * CI=true, where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shotplan.cli.enabled=false", "shotplan.security.bcrypt-strength=4", "shotplan.security.public-api-docs=true",
        "spring.datasource.url=jdbc:h2:mem:e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "shotplan.generation.workers=1", "shotplan.generation.sample-plate-width=0"})
@DirtiesContext // its server and worker stop when the flow is done, not at the end of the whole test run
class BrowserFlowTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SHOTPLAN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SHOTS = Path.of("target/e2e");
    static final Path EXAMPLE = Path.of("../examples/snowfall");
    static final String PASSWORD = "first-admin-password";

    /** Generation without a model: each frame "takes" 10 ms on a test device, so the queue runs to the end quickly. */
    @TestConfiguration
    static class QuickFrames {
        @Bean
        @Primary
        GenerationService quickGeneration(DSLContext dsl) {
            FrameProcessor frames = (job, frame) -> new FrameProcessor.FrameResult(0.01, "test-gpu");
            return new GenerationService(dsl, GenerationConfig.defaults(Path.of("target/e2e-data")), new SimpleMeterRegistry(),
                    frames, Clock.systemUTC());
        }
    }

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @BeforeAll
    static void launch() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = "no Chromium at " + CHROMIUM + " (apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; CI=true: the browser tests must run");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, why);
        }
        Files.createDirectories(SHOTS);
        // an import or a first API description takes more than Playwright's default 5 s on a busy build machine
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void theWholeFlowInABrowser() throws Exception {
        users.create("admin", PASSWORD, EnumSet.of(Role.ADMIN));
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setAcceptDownloads(true))) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            List<String> scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onPageError(scriptErrors::add);
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    scriptErrors.add(m.text() + " at " + m.location());
                }
            });
            try {
                flow(page);
            } catch (Throwable failure) {
                shot(page, "failure");
                failure.addSuppressed(new AssertionError("script errors on the page: " + scriptErrors));
                throw failure;
            }
            assertThat(scriptErrors).as("script errors on the pages").isEmpty();
        }
    }

    private void flow(Page page) throws Exception {
        {

            // the API's browsable description needs no login here (shotplan.security.public-api-docs=true)
            page.navigate(url("/swagger-ui.html"));
            assertThat(page.getByText("shotplan API").first()).isVisible();
            shot(page, "00-api");

            // an admin logs in and creates a producer who also supervises and reads the money
            logIn(page, "admin", PASSWORD);
            page.navigate(url("/users"));
            Locator form = page.locator("#user-form");
            form.locator("input[name=username]").fill("maria");
            form.locator("input[name=password]").fill("maria-password-1");
            for (String role : List.of("PRODUCER", "SUPERVISOR", "FINANCE")) {
                form.locator("input[value=" + role + "]").check();
            }
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create user")).click();
            assertThat(page.locator("tr[data-user=maria]")).isVisible();
            shot(page, "01-users");
            page.locator("form[action$='/logout'] button").click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?logout"));

            // wrong password first: the login page says so
            logIn(page, "maria", "not-her-password");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Wrong user name or password");
            logIn(page, "maria", "maria-password-1");

            // import the example show
            page.navigate(url("/import"));
            page.locator("#show-form input[name=files]").setInputFiles(new Path[] {
                    EXAMPLE.resolve("show.yaml"), EXAMPLE.resolve("shots.csv"), EXAMPLE.resolve("estimates.csv")});
            page.locator("#show-form button[type=submit]").click();
            assertThat(page.locator("#message")).containsText("Imported into NVB");
            shot(page, "02-import");

            // the shots table, filtered, and a supervisor's pin
            page.navigate(url("/shots?show=NVB"));
            assertThat(page.locator("#shot-count")).containsText("shots");
            page.locator("#shot-filters select[name=episode]").selectOption("EP101");
            assertThat(page.locator("#shots-table tbody tr").first()).containsText("EP101");
            page.locator("#shot-filters select[name=workType]").selectOption("roto");
            assertThat(page.locator("#shots-table tbody tr td:nth-child(3)").first()).hasText("roto");
            Locator firstRoto = page.locator("#shots-table tbody tr").first();
            // EP101_030_0060 carries the supervisor's hand bids from the example's estimates.csv
            assertThat(firstRoto.locator(".hand-bids")).containsText("traditional roto 3 artist-days");
            assertThat(firstRoto.locator(".hand-bids")).containsText("roto-ai roto 1 artist-days");
            firstRoto.locator("select.pin").selectOption("TRADITIONAL");
            assertThat(page.locator("#message")).containsText("Saved");
            assertThat(page.locator("#shots-table tbody tr").first().locator("select.pin")).hasValue("TRADITIONAL");
            shot(page, "03-shots");

            // solve with live progress, then the plan: gauges, timeline, reasons
            page.navigate(url("/plan?show=NVB"));
            page.locator("#seconds").fill("3");
            page.locator("#solve").click();
            assertThat(page.locator("#solve-progress")).isVisible();
            shot(page, "04-solving");
            assertThat(page.locator("#solve-state")).hasText(Pattern.compile("Solved.*"), new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasTextOptions().setTimeout(120_000));
            assertThat(page.locator("#gantt svg rect.bar").first()).isVisible();
            assertThat(page.locator("#gauges .card")).not().hasCount(0);
            assertThat(page.locator("#items-table tbody tr").first()).isVisible();
            assertThat(page.locator("#items-table tbody td.reason").first()).not().isEmpty();
            assertThat(page.locator("#items-info")).containsText("of 424");
            page.locator("#plan-episode").selectOption("EP102");
            assertThat(page.locator("#items-table tbody tr").first().locator("td").nth(1)).hasText("EP102");
            shot(page, "05-plan");
            page.locator("#gantt").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("05-plan-timeline.png")));

            // a producer raises a budget; the audit log says who changed what
            page.onceDialog(dialog -> dialog.accept("150000"));
            page.locator("button[data-budget=EP101]").click();
            assertThat(page.locator("#message")).containsText("Budget of EP101 set");
            page.navigate(url("/audit"));
            assertThat(page.locator("#audit-table tbody")).containsText("BUDGET");
            assertThat(page.locator("#audit-table tbody")).containsText("PIN");
            assertThat(page.locator("#audit-table tbody tr").first()).containsText("maria");

            // a scenario, solved, then the two plans side by side; the first becomes the baseline
            page.navigate(url("/scenarios?show=NVB"));
            Locator scenario = page.locator("#scenario-form");
            scenario.locator("input[name=name]").fill("lean budget");
            scenario.locator("input[name=budgetPercent]").fill("50");
            scenario.locator("button[type=submit]").click();
            assertThat(page.locator("#scenarios-table tbody")).containsText("lean budget");
            page.navigate(url("/plan?show=NVB"));
            page.locator("#scenario-select").selectOption("lean budget");
            page.locator("#seconds").fill("3");
            page.locator("#solve").click();
            assertThat(page.locator("#solve-state")).hasText(Pattern.compile("Solved.*"), new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasTextOptions().setTimeout(120_000));
            // half the budget is missed: the producer asks what would fix it, each fix re-solved on the server
            assertThat(page.locator("#fixes")).isVisible();
            page.locator("#seconds").fill("1");
            page.locator("#find-fixes").click();
            assertThat(page.locator("#misses-table tbody tr").first()).isVisible();
            assertThat(page.locator("#fixes-list li")).hasCount(3, new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasCountOptions().setTimeout(120_000));
            assertThat(page.locator("#fixes-list li[data-limit=budget]")).containsText("More money");
            assertThat(page.locator("#fixes-progress")).containsText("proven by its relaxed re-solve");
            shot(page, "05b-fixes");
            page.navigate(url("/scenarios?show=NVB"));
            Locator plans = page.locator("#plans-table tbody tr");
            assertThat(plans).hasCount(2);
            plans.nth(1).locator("input[type=checkbox]").check();
            plans.nth(0).locator("input[type=checkbox]").check();
            page.locator("#compare").click();
            assertThat(page.locator("#side-by-side thead th")).hasCount(3);
            assertThat(page.locator("#changes")).containsText("What changed");
            shot(page, "06-scenarios");
            // a typo fixed, then the stale what-if dropped
            scenario.locator("input[name=name]").fill("more crew");
            scenario.locator("input[name=crewPercent]").fill("110");
            scenario.locator("button[type=submit]").click();
            Locator moreCrew = page.locator("#scenarios-table tr[data-scenario='more crew']");
            moreCrew.getByText("Edit").click();
            assertThat(scenario.locator("input[name=crewPercent]")).hasValue("110");
            scenario.locator("input[name=crewPercent]").fill("120");
            scenario.locator("button[type=submit]").click();
            assertThat(moreCrew).containsText("crewPercent 120");
            page.onceDialog(com.microsoft.playwright.Dialog::accept);
            moreCrew.getByText("Delete").click();
            assertThat(page.locator("#message")).containsText("Deleted scenario more crew");
            assertThat(moreCrew).hasCount(0);
            page.navigate(url("/plan?show=NVB"));
            page.locator("#plan-select").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
            page.locator("#baseline").click();
            assertThat(page.locator("#message")).containsText("baseline");

            // dispatch the AI shots and watch the queue run
            page.navigate(url("/generation?show=NVB"));
            page.locator("#dispatch").click();
            assertThat(page.locator("#message")).containsText("Dispatched");
            assertThat(page.locator("#queue-table tbody tr[data-shot]").first()).isVisible();
            assertThat(page.locator("#queue-table .badge.SUCCEEDED").first()).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
            shot(page, "07-generation");

            // reports: figures, charts and the downloads
            page.navigate(url("/reports?show=NVB"));
            assertThat(page.locator("#episodes-table tbody tr").first()).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
            assertThat(page.locator("#chart-episodes svg")).isVisible();
            shot(page, "08-reports");
            for (String format : List.of("csv", "xlsx", "pdf")) {
                Download download = page.waitForDownload(() -> page.locator("#downloads a[data-format=" + format + "]").click());
                Path saved = SHOTS.resolve("report-" + download.suggestedFilename());
                download.saveAs(saved);
                assertThat(download.suggestedFilename()).startsWith("NVB").matches(".*\\.(" + format + "|zip)");
                assertThat(Files.size(saved)).isGreaterThan(100);
            }
            Download schedule = page.waitForDownload(() -> page.locator("#downloads #ms-project").click());
            assertThat(schedule.suggestedFilename()).isEqualTo("NVB-schedule.xml");

            // editorial's revised shot list for EP103: preview the diff, then apply it
            page.navigate(url("/import"));
            Locator revision = page.locator("#revision-form");
            revision.locator("input[name=file]").setInputFiles(EXAMPLE.resolve("revisions/EP103_shots_v2.csv"));
            revision.locator("input[name=omitMissing]").check();
            assertThat(page.locator("#revision-apply")).isDisabled();
            revision.locator("button[type=submit]").click();
            assertThat(page.locator("#revision-diff")).containsText("Dry run, nothing written");
            // the file lists every shot as not started, which leaves the shots rendered earlier in this flow DONE;
            // EP103_010_0010's frames change, so it is flagged for re-bid if the workers have finished it by now
            assertThat(page.locator("#revision-diff")).containsText(
                    Pattern.compile("1 added, 4 changed \\([01] to re-bid\\), 2 omitted"));
            assertThat(page.locator("#revision-diff")).containsText("~ EP103_010_0010  frame_count 110 → 134");
            assertThat(page.locator("#revision-diff")).containsText("- EP103_020_0030  omitted");
            shot(page, "09-revision-preview");
            page.locator("#revision-apply").click();
            assertThat(page.locator("#message")).containsText(
                    Pattern.compile("Updated NVB: 1 added, 4 changed, 2 omitted\\."));
        }
    }

    private void logIn(Page page, String user, String password) {
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }
}
