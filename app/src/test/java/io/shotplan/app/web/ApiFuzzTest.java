package io.shotplan.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.shotplan.sql.schema.DefaultSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API, found in Spring's handler mapping (a new endpoint is covered without touching this
 * test), called with mangled JSON, wrong types, huge numbers, long strings, wrong content types and mangled path
 * and query values, as a user with every role. Whatever comes in: no 5xx, no stack trace in the body, and a refused
 * request leaves every table as it was. Its own database, so what it changes stays out of the other web tests.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ApiFuzzTest extends WebTest {

    static final String LONG = "x".repeat(100_000);
    static final String HUGE = "9".repeat(400);
    static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    static final Map<String, String> VARIABLES = Map.of("show", SHOW, "shot", "EP101_010_0010", "episode", "EP101",
            "name", "fuzz", "id", "1");

    /** Bodies: broken JSON, JSON of the wrong shape, wrong types, huge numbers, long strings. */
    static final List<String> JSON_BODIES = List.of(
            "{\"mode\": ",
            "{not json",
            "[]",
            "\"a string\"",
            "null",
            "{\"seconds\": \"soon\", \"budget\": [1], \"mode\": 12, \"humanOnly\": \"maybe\", \"consentOnFile\": {},"
                    + " \"scenario\": 5, \"changes\": \"all\", \"roles\": \"ADMIN\", \"password\": 1, \"username\": []}",
            "{\"seconds\": " + HUGE + ", \"budget\": " + HUGE + ", \"planId\": " + HUGE + ", \"workers\": -" + HUGE
                    + ", \"changes\": {\"budgetPercent\": 1e999, \"maxAiShare\": -1e999, \"crewPercent\": " + HUGE + "}}",
            "{\"seconds\": 1e308, \"budget\": -1e308, \"mode\": \"" + LONG + "\", \"name\": \"" + LONG
                    + "\", \"username\": \"" + LONG + "\", \"password\": \"" + LONG + "\", \"scenario\": \"" + LONG + "\"}",
            "{\"a\":".repeat(2_000));

    static final Map<String, String> QUERY = Map.of("page", HUGE, "size", "-5", "episode", LONG.substring(0, 5_000),
            "asOf", "not-a-date", "show", SHOW, "a", "1e99999", "b", "-" + HUGE, "replace", "maybe", "plan", HUGE,
            "entity", "'; drop table shot; --");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    DSLContext dsl;

    record Endpoint(HttpMethod method, String pattern) {
    }

    @Test
    void noEndpointAnswersBadInputWithAServerErrorAStackTraceOrAHalfWrite() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String path : paths(endpoint.pattern())) {
                for (String body : JSON_BODIES) {
                    call(endpoint, path, MediaType.APPLICATION_JSON, body, failures);
                }
                call(endpoint, path, MediaType.TEXT_PLAIN, "mode=AI", failures);
                call(endpoint, path, MediaType.APPLICATION_XML, "<mode>AI</mode>", failures);
                call(endpoint, path, MediaType.MULTIPART_FORM_DATA, "--x\r\n\r\n", failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Every API endpoint: each method of each path pattern under /api. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (var handler : mappings.getHandlerMethods().entrySet()) {
            if (handler.getValue().getBeanType() == FailingTestController.class) {
                continue; // fails on purpose, for ProblemDetailsTest
            }
            RequestMappingInfo info = handler.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, pattern));
                }
                methods.forEach(m -> endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern)));
            }
        }
        return endpoints;
    }

    /** The pattern with real values and with huge numbers in its path variables (long strings go in the query). */
    private static List<String> paths(String pattern) {
        if (!PATH_VARIABLE.matcher(pattern).find()) {
            return List.of(pattern);
        }
        return List.of(fill(pattern, null), fill(pattern, HUGE));
    }

    private static String fill(String pattern, String value) {
        Matcher m = PATH_VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).replaceAll(":.*", "");
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : VARIABLES.getOrDefault(name, "x")));
        }
        return m.appendTail(out).toString();
    }

    private void call(Endpoint endpoint, String path, MediaType type, String body, List<String> failures) throws Exception {
        boolean writes = endpoint.method() != HttpMethod.GET;
        Map<String, Integer> before = writes ? rowCounts() : Map.of();
        var request = request(endpoint.method(), path).with(asEveryone()).contentType(type).content(body)
                .accept(MediaType.APPLICATION_JSON, MediaType.ALL);
        QUERY.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String what = endpoint.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " (" + type + ", "
                + body.substring(0, Math.min(body.length(), 60)) + "): " + response.getStatus();
        String content = response.getContentAsString();
        if (response.getStatus() >= 500) {
            failures.add(what + " " + content.substring(0, Math.min(content.length(), 300)));
        }
        if (content.contains("\tat ") || content.contains("Exception:") || content.matches("(?s).*\\bat [a-z]+\\.[a-z]+\\..*\\(.*\\.java:\\d+\\).*")) {
            failures.add(what + " has a stack trace");
        }
        if (writes && response.getStatus() >= 400) {
            Map<String, Integer> after = rowCounts();
            if (!after.equals(before)) {
                failures.add(what + " was refused but changed rows: " + before + " -> " + after);
            }
        }
    }

    private Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            counts.put(table.getName(), dsl.fetchCount(table));
        }
        return counts;
    }
}
