package io.shotplan.app.cli;

import io.shotplan.app.imports.ImportService;
import io.shotplan.app.security.Role;
import io.shotplan.app.token.ApiTokens;
import io.shotplan.app.user.UserService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workload of a training run for the JVM's ahead-of-time cache (JDK 25's {@code -XX:AOTCacheOutput}): against
 * a throw-away database, the server imports a show, solves it and then asks its own API what a studio's people ask
 * all day, pages, reports, exports, imports and edits, over HTTP as they would. The cache keeps the classes these
 * requests load, linked, and the profiles of the methods they run, so a server started from it answers its first
 * users without first loading and compiling most of itself (docs/benchmarks.md, "A warm start").
 */
final class TrainingRun {

    /** Enough rounds for the request paths' methods to be profiled, as they are after a minute of real use. */
    static final int ROUNDS = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json;
    private final URI server;
    private final String authorization;

    private TrainingRun(JsonMapper json, URI server, String token) {
        this.json = json;
        this.server = server;
        this.authorization = "Bearer " + token;
    }

    /** Runs the workload against the server at {@code server}; any answer but a success ends it with the request named. */
    static void run(Path showFolder, URI server, ImportService imports, UserService users, ApiTokens tokens, JsonMapper json)
            throws IOException, InterruptedException {
        String show = imports.importShow(showFolder, false).showCode();
        asNewUser(server, users, tokens, json).drive(show, showFolder);
    }

    /** A client of the server as a new user who holds every role, so that every route is open to it. */
    static TrainingRun asNewUser(URI server, UserService users, ApiTokens tokens, JsonMapper json) {
        String trainer = "training-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(trainer, UUID.randomUUID().toString(), EnumSet.allOf(Role.class));
        return new TrainingRun(json, server, tokens.create(trainer, "training run").secret());
    }

    private void drive(String show, Path showFolder) throws IOException, InterruptedException {
        String api = "/api/shows/" + show;
        long plan = solve(api);
        List<String> episodes = new ArrayList<>();
        get(api + "/episodes").forEach(e -> episodes.add(e.get("code").asString()));
        List<String> shots = new ArrayList<>();
        get(api + "/shots?page=0&size=50").get("items").forEach(s -> shots.add(s.get("code").asString()));
        Path estimates = showFolder.resolve("estimates.csv");
        String boundary = "training-run";
        byte[] handBids = Files.isRegularFile(estimates) ? ("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"estimates.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + Files.readString(estimates) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8) : null;
        for (int round = 0; round < ROUNDS; round++) {
            for (String read : List.of("/api/shows", api, api + "/episodes", api + "/shots?page=" + round % 3 + "&size=50",
                    api + "/plans", "/api/plans/" + plan, "/api/plans/" + plan + "/summary",
                    "/api/plans/" + plan + "/items?page=" + round % 3 + "&size=50", "/api/plans/" + plan + "/quality",
                    "/api/plans/" + plan + "/timeline", api + "/report", api + "/generation", "/api/me", "/api/audit",
                    "/shots", "/plan", "/reports")) {
                send("GET", read, BodyPublishers.noBody(), null);
            }
            for (String export : List.of("csv", "xlsx", "json")) {
                send("GET", api + "/report." + export, BodyPublishers.noBody(), null);
            }
            String episode = episodes.get(round % episodes.size());
            send("PUT", api + "/episodes/" + episode + "/budget",
                    BodyPublishers.ofString("{\"budget\": " + (1_000_000 + round) + "}"), "application/json");
            String shot = shots.get(round % shots.size());
            send("PUT", api + "/shots/" + shot + "/pin",
                    BodyPublishers.ofString(round % 2 == 0 ? "{\"mode\": \"TRADITIONAL\"}" : "{\"mode\": null}"),
                    "application/json");
            if (round % 5 == 0 && handBids != null) {
                send("POST", "/api/imports/estimates?show=" + show, BodyPublishers.ofByteArray(handBids),
                        "multipart/form-data; boundary=" + boundary);
            }
        }
        send("GET", "/api/plans/" + plan + "/ms-project.xml", BodyPublishers.noBody(), null);
        send("GET", api + "/bid-sheet.xlsx", BodyPublishers.noBody(), null);
        send("GET", api + "/report.pdf", BodyPublishers.noBody(), null);
    }

    /** A short solve through the API, as a producer starts one; returns the stored plan's id. */
    private long solve(String api) throws IOException, InterruptedException {
        JsonNode job = send("POST", api + "/plans", BodyPublishers.ofString("{\"seconds\": 2}"), "application/json");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (job.get("planId") == null || job.get("planId").isNull()) {
            if (Instant.now().isAfter(giveUp) || "FAILED".equals(job.get("state").asString())) {
                throw new IllegalStateException("training run: the solve did not store a plan: " + job);
            }
            Thread.sleep(200);
            job = get("/api/solves/" + job.get("id").asString());
        }
        return job.get("planId").asLong();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    private JsonNode send(String method, String path, BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", authorization).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        var response = http.send(request.build(), BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("training run: %s %s answered %d: %s".formatted(method, path,
                    response.statusCode(), new String(response.body(), StandardCharsets.UTF_8)));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.startsWith("application/json") ? json.readTree(response.body()) : json.nullNode();
    }
}
