package io.shotplan.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** A saturated server answers 503 with Retry-After after a bounded wait, and serves again once a turn is free. */
class AdmissionTest {

    private final OncePerRequestFilter admission = new Admission()
            .admissionFilter(1, Duration.ofMillis(100), JsonMapper.builder().build()).getFilter();

    @Test
    void aRequestBeyondCapacityIs503WithRetryAfterAndTheServerRecovers() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> busy = CompletableFuture.supplyAsync(() -> run((request, response) -> {
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        admission.doFilter(api(), refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":503");

        release.countDown();
        assertThat(busy.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        MockHttpServletResponse served = new MockHttpServletResponse();
        admission.doFilter(api(), served, new MockFilterChain());
        assertThat(served.getStatus()).isEqualTo(200);
    }

    @Test
    void eventStreamsAndPagesAreNotCounted() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> busy = CompletableFuture.supplyAsync(() -> run((request, response) -> {
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        for (String path : new String[] {"/api/solves/abc/events", "/shots"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            MockHttpServletResponse response = new MockHttpServletResponse();
            admission.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }
        release.countDown();
        busy.get(10, TimeUnit.SECONDS);
    }

    private int run(Work work) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            admission.doFilter(api(), response, (request, resp) -> work.run(request, resp));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response.getStatus();
    }

    interface Work {
        void run(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response);
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("GET", "/api/shows");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
