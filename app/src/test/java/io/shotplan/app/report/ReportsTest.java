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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One build per state of the data: many readers at once share it, a change makes the next read a new build. */
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
                        return reports.report(SHOW, Optional.empty(), AS_OF);
                    })).toList();
            start.countDown();
            ShowReport first = asked.getFirst().get();
            for (Future<ShowReport> answer : asked) {
                assertThat(answer.get()).isSameAs(first); // the very same build, not an equal one
            }
            assertThat(reports.report(SHOW, Optional.empty(), AS_OF)).isSameAs(first);

            String episode = first.episodes().getFirst().code();
            BigDecimal before = first.episodes().getFirst().figures().budget();
            BigDecimal budget = before.add(BigDecimal.valueOf(1234));
            edits.budget(SHOW, episode, budget);
            try {
                ShowReport after = reports.report(SHOW, Optional.empty(), AS_OF);
                assertThat(after).isNotSameAs(first);
                assertThat(after.episodes().getFirst().figures().budget()).isEqualByComparingTo(budget);
            } finally {
                edits.budget(SHOW, episode, before); // the other web tests share this show
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
