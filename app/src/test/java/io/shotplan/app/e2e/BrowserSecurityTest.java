package io.shotplan.app.e2e;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpServer;
import io.shotplan.app.security.IdentityProvider;
import io.shotplan.app.security.Role;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.user.UserService;
import io.shotplan.show.io.ShowFolderReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real headless Chromium: a person signs in through the studio's identity provider (mock-oauth2-server); then a
 * hostile page, served from another port, submits a form that would pause the show's generation. The browser sends
 * it with whatever it holds for shotplan (the session cookie, which SameSite does not stop between ports of one
 * host; or HTTP Basic credentials it attaches on its own) and shotplan refuses it: no CSRF token. Without Chromium it
 * skips, except with CI=true, where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shotplan.cli.enabled=false", "shotplan.security.bcrypt-strength=4", "server.address=127.0.0.1",
        "shotplan.generation.workers=0", "shotplan.generation.sample-plate-width=0",
        "spring.datasource.url=jdbc:h2:mem:browser-security;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
@DirtiesContext
class BrowserSecurityTest {

    static final IdentityProvider IDP = new IdentityProvider();
    static final String SHOW = "TST";
    static final String PASSWORD = "basic-password-1";

    @DynamicPropertySource
    static void signInThroughTheProvider(DynamicPropertyRegistry properties) {
        IDP.configure(properties);
    }

    static Playwright playwright;
    static Browser browser;
    static HttpServer hostile;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    UserService users;
    @Autowired
    ShowRepository shows;

    @BeforeAll
    static void launch() throws Exception {
        if (!Files.isExecutable(BrowserFlowTest.CHROMIUM)) {
            String why = "no Chromium at " + BrowserFlowTest.CHROMIUM + " (apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; CI=true: the browser tests must run");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, why);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(BrowserFlowTest.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostile.start();
    }

    @AfterAll
    static void close() {
        if (hostile != null) {
            hostile.stop(0);
        }
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        IDP.shutdown();
    }

    @BeforeEach
    void seed() {
        if (shows.findId(SHOW).isEmpty()) {
            shows.save(new ShowFolderReader().read(Path.of("src/test/resources/shows/small")));
        }
        if (users.list().stream().noneMatch(u -> u.username().equals("basic-producer"))) {
            users.create("basic-producer", PASSWORD, EnumSet.of(Role.PRODUCER));
        }
    }

    @Test
    void aSignedInPersonsSessionCannotBeUsedByAnotherSitesForm() throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            IDP.nextSignIn("maria.sso", List.of("vfx-producers"));
            page.navigate(url("/login"));
            page.getByText("Sign in with " + IdentityProvider.NAME).click();
            page.waitForURL(url("/shots"));
            assertThat(page.locator(".user").textContent()).isEqualTo("maria.sso");

            long pausesBefore = pauses();
            assertThat(submitHostileForm(page).status()).isEqualTo(403);
            assertThat(pauses()).isEqualTo(pausesBefore);
        }
    }

    @Test
    void basicCredentialsTheBrowserAttachesByItselfCannotBeUsedByAnotherSitesForm() throws Exception {
        // shotplan never challenges, so a browser learns no password from it; this one was given one anyway (as an
        // older server's challenge or a typed-in URL would have) and attaches it to every request, forged ones too
        String basic = Base64.getEncoder().encodeToString(("basic-producer:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setExtraHTTPHeaders(Map.of("Authorization", "Basic " + basic)))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            // the browser does hold working credentials for shotplan
            assertThat(page.navigate(url("/api/me")).text()).contains("basic-producer");

            long pausesBefore = pauses();
            assertThat(submitHostileForm(page).status()).isEqualTo(403);
            assertThat(pauses()).isEqualTo(pausesBefore);
        }
        // the same credentials from a script (no browser, no other origin) do pause it
        HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(pausePath())))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
    }

    @Test
    void theServerNeverAsksTheBrowserForAPassword() throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Response response = context.newPage().navigate(url("/api/me"));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.headers()).doesNotContainKey("www-authenticate");
        }
    }

    /** Serves a page on another port whose form posts to shotplan as soon as it loads; returns shotplan's answer. */
    private Response submitHostileForm(Page page) {
        String html = "<!DOCTYPE html><html><body><form id=f method=post action=\"" + url(pausePath()) + "\">"
                + "<input name=reason value=gotcha></form><script>document.getElementById('f').submit()</script>"
                + "</body></html>";
        String path = "/win-a-prize-" + System.nanoTime();
        hostile.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        String hostileUrl = "http://127.0.0.1:" + hostile.getAddress().getPort() + path;
        return page.waitForResponse(response -> response.url().equals(url(pausePath())),
                () -> page.navigate(hostileUrl));
    }

    private long pauses() {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("PAUSE"));
    }

    private static String pausePath() {
        return "/api/shows/" + SHOW + "/generation/pause";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
