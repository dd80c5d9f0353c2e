package io.shotplan.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A studio's working day on one shotplan server: {@code users} people and scripts, each waiting {@code pause-min} to
 * {@code pause-max} seconds between requests (0 and 0: the stress run), for {@code seconds}. Mix: 55 % shot pages,
 * 20 % episodes, 10 % plan summary and items, 10 % the show report, 5 % writes (episode budgets, pins); beside them
 * one producer solves, imports hand bids and exports the report now and then. Half the clients log in with a personal
 * API token (bearer), half with HTTP Basic. Every request must answer 200; afterwards every acknowledged budget write
 * must be in the audit log (written in the same transaction as the budget), or the run fails.
 * Settings are system properties, set by load/run.sh.
 */
public class StudioSimulation extends Simulation {

    private static final String SHOW = setting("show", "NVB");
    private static final String PLAN = setting("plan", "1");
    private static final int USERS = Integer.parseInt(setting("users", "200"));
    private static final Duration LENGTH = Duration.ofSeconds(Long.parseLong(setting("seconds", "300")));
    private static final double PAUSE_MIN = Double.parseDouble(setting("pause-min", "0.5"));
    private static final double PAUSE_MAX = Double.parseDouble(setting("pause-max", "1.5"));
    private static final int SHOT_PAGES = Integer.parseInt(setting("shot-pages", "9"));
    private static final List<String> EPISODES = List.of(setting("episodes", "EP101,EP102,EP103,EP104,EP105,EP106").split(","));
    private static final List<String> SHOTS = List.of(setting("shots", "EP101_010_0010").split(","));
    private static final String ESTIMATES = setting("estimates", "../examples/snowfall/estimates.csv");

    private static final AtomicLong BUDGETS = new AtomicLong(1_000_000);
    private static final AtomicLong ACKNOWLEDGED_BUDGETS = new AtomicLong();
    private static long auditBefore;

    /** Each virtual user logs in as one of the roles, every other one with a token and the rest with Basic. */
    private static Iterator<Map<String, Object>> logins() {
        List<String> roles = List.of("producer", "supervisor", "finance");
        AtomicLong next = new AtomicLong();
        return Stream.generate(() -> {
            long n = next.getAndIncrement();
            String role = roles.get((int) (n % roles.size()));
            String authorization = n % 2 == 0
                    ? "Bearer " + setting(role + "-token", "")
                    : "Basic " + Base64.getEncoder().encodeToString((setting(role + "-user", role) + ":"
                            + setting("password", "")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Map.<String, Object>of("authorization", authorization, "role", role);
        }).iterator();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(setting("url", "http://127.0.0.1:8080"))
            .acceptHeader("application/json").userAgentHeader("shotplan-load");

    private static ChainBuilder get(String name, String path) {
        return exec(http(name).get(path).header("Authorization", "#{authorization}").check(status().is(200)));
    }

    private final ChainBuilder shotPage = exec(session -> session.set("page", ThreadLocalRandom.current().nextInt(SHOT_PAGES)))
            .exec(get("shots page", "/api/shows/" + SHOW + "/shots?page=#{page}&size=50"));
    private final ChainBuilder episodes = get("episodes", "/api/shows/" + SHOW + "/episodes");
    private final ChainBuilder planSummary = get("plan summary", "/api/plans/" + PLAN + "/summary");
    private final ChainBuilder planItems = exec(session -> session.set("page", ThreadLocalRandom.current().nextInt(SHOT_PAGES)))
            .exec(get("plan items", "/api/plans/" + PLAN + "/items?page=#{page}&size=50"));
    private final ChainBuilder report = get("report", "/api/shows/" + SHOW + "/report");

    /** A budget write with a value never written before, so that each acknowledged write leaves one audit entry. */
    private final ChainBuilder budgetWrite = exec(session -> session
            .set("episode", EPISODES.get(ThreadLocalRandom.current().nextInt(EPISODES.size())))
            .set("budget", BUDGETS.incrementAndGet()))
            .exec(http("budget write").put("/api/shows/" + SHOW + "/episodes/#{episode}/budget")
                    .header("Authorization", "Bearer " + setting("producer-token", ""))
                    .header("Content-Type", "application/json").body(StringBody("{\"budget\": #{budget}}"))
                    .check(status().is(200).saveAs("written")))
            .exec(session -> {
                if (session.contains("written")) {
                    ACKNOWLEDGED_BUDGETS.incrementAndGet();
                }
                return session.remove("written");
            });
    private final ChainBuilder pinWrite = exec(session -> session
            .set("shot", SHOTS.get(ThreadLocalRandom.current().nextInt(SHOTS.size())))
            .set("mode", ThreadLocalRandom.current().nextBoolean() ? "null" : "\"TRADITIONAL\""))
            .exec(http("pin write").put("/api/shows/" + SHOW + "/shots/#{shot}/pin")
                    .header("Authorization", "Bearer " + setting("supervisor-token", ""))
                    .header("Content-Type", "application/json").body(StringBody("{\"mode\": #{mode}}"))
                    .check(status().is(200)));

    // Each round runs to its end: a loop left as soon as its time is up would skip counting a write just acknowledged.
    private final ScenarioBuilder studio = scenario("studio").feed(logins())
            .during(LENGTH, false).on(
                    exec(session -> session).pause(Duration.ofMillis((long) (PAUSE_MIN * 1000)), Duration.ofMillis((long) (PAUSE_MAX * 1000)))
                            .randomSwitch().on(
                                    percent(55).then(shotPage),
                                    percent(20).then(episodes),
                                    percent(5).then(planSummary),
                                    percent(5).then(planItems),
                                    percent(10).then(report),
                                    percent(3).then(budgetWrite),
                                    percent(2).then(pinWrite)));

    /** One producer now and then: a short solve, a hand-bid import, a report export. */
    private final ScenarioBuilder producer = scenario("producer").during(LENGTH).on(
            pace(Duration.ofSeconds(60)).exec(
                    http("solve").post("/api/shows/" + SHOW + "/plans")
                            .header("Authorization", "Bearer " + setting("producer-token", ""))
                            .header("Content-Type", "application/json").body(StringBody("{\"seconds\": 5}"))
                            .check(status().in(200, 201, 202)),
                    http("import hand bids").post("/api/imports/estimates?show=" + SHOW)
                            .header("Authorization", "Bearer " + setting("producer-token", ""))
                            .bodyPart(RawFileBodyPart("file", ESTIMATES).fileName("estimates.csv").contentType("text/csv"))
                            .asMultipartForm().check(status().is(200)),
                    http("export report csv").get("/api/shows/" + SHOW + "/report.csv")
                            .header("Authorization", "Bearer " + setting("finance-token", "")).check(status().is(200))));

    {
        setUp(studio.injectOpen(atOnceUsers(USERS)), producer.injectOpen(atOnceUsers(1)))
                .protocols(protocol)
                .maxDuration(LENGTH.plusSeconds(30));
    }

    @Override
    public void before() {
        auditBefore = budgetAuditEntries();
    }

    @Override
    public void after() {
        long written = budgetAuditEntries() - auditBefore;
        long acknowledged = ACKNOWLEDGED_BUDGETS.get();
        System.out.printf("budget writes acknowledged: %d, in the audit log: %d%n", acknowledged, written);
        if (written < acknowledged) {
            throw new IllegalStateException("lost writes: " + (acknowledged - written) + " acknowledged budget writes"
                    + " are not in the database");
        }
    }

    private static long budgetAuditEntries() {
        try (Connection db = DriverManager.getConnection(setting("db-url", "jdbc:postgresql://127.0.0.1:5432/shotplan_load"),
                setting("db-user", "postgres"), setting("db-password", ""));
             ResultSet count = db.createStatement().executeQuery("SELECT count(*) FROM audit_log WHERE action = 'BUDGET'")) {
            count.next();
            return count.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot count the audit log: " + e.getMessage(), e);
        }
    }

    private static String setting(String name, String fallback) {
        return System.getProperty("shotplan.load." + name, fallback);
    }
}
