package io.shotplan.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.app.web.WebTest;
import io.shotplan.reporting.ShowReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One build per state of the data: many readers at once share it, a change makes the next read a new build, and a
 * reader never gets a build older than its question while others keep writing.
 */
class ReportsTest extends WebTest {

    static final LocalDate AS_OF = LocalDate.of(2027, 3, 1);

    @Autowired
    Reports reports;
    @Autowired
    io.shotplan.app.shot.ShotEdits edits;

    @Test
    void manyReadersAtOnceGetOneBuildAndAChangeMakesANewOne() throws Exception {
        int readers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<ShowReport>> asked = java.util.stream.IntStream.range(0, readers)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return reports.report(SHOW, Optional.empty(), AS_OF, false);
                    })).toList();
            start.countDown();
            ShowReport first = asked.getFirst().get();
            for (Future<ShowReport> answer : asked) {
                assertThat(answer.get()).isSameAs(first); // the very same build, not an equal one
            }
            assertThat(reports.report(SHOW, Optional.empty(), AS_OF, false)).isSameAs(first);

            String episode = first.episodes().getFirst().code();
            BigDecimal before = first.episodes().getFirst().figures().budget();
            BigDecimal budget = before.add(BigDecimal.valueOf(1234));
            edits.budget(SHOW, episode, budget);
            try {
                ShowReport after = reports.report(SHOW, Optional.empty(), AS_OF, false);
                assertThat(after).isNotSameAs(first);
                assertThat(after.episodes().getFirst().figures().budget()).isEqualByComparingTo(budget);
            } finally {
                edits.budget(SHOW, episode, before); // the other web tests share this show
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readersWhileBudgetsChangeAlwaysSeeTheBudgetWrittenBeforeTheyAsked() throws Exception {
        ShowReport first = reports.report(SHOW, Optional.empty(), AS_OF, false);
        String episode = first.episodes().getFirst().code();
        BigDecimal before = first.episodes().getFirst().figures().budget();
        AtomicReference<BigDecimal> written = new AtomicReference<>(before);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> readers = java.util.stream.IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    BigDecimal asked = written.get();
                    BigDecimal answered = reports.report(SHOW, Optional.empty(), AS_OF, false).episodes().getFirst()
                            .figures().budget();
                    // budgets only grow in this test: an answer below the budget written before asking is stale
                    assertThat(answered).isGreaterThanOrEqualTo(asked);
                    reads++;
                }
                return reads;
            })).toList();
            for (int change = 1; change <= 15; change++) {
                BigDecimal budget = before.add(BigDecimal.valueOf(change * 1000L));
                edits.budget(SHOW, episode, budget);
                written.set(budget);
                Thread.sleep(20);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).isPositive();
            }
            assertThat(reports.report(SHOW, Optional.empty(), AS_OF, false).episodes().getFirst().figures().budget())
                    .isEqualByComparingTo(written.get());
        } finally {
            writing.set(false);
            pool.shutdownNow();
            edits.budget(SHOW, episode, before);
        }
    }
}
