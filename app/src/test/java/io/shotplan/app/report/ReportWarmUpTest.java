package io.shotplan.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.app.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReportWarmUpTest extends WebTest {

    @Autowired
    ReportWarmUp warmUp;

    @Test
    void theShowPlannedLastHasItsReportBuiltBeforeTheServerIsReady() throws Exception {
        solve(null, 1);

        var warmed = warmUp.run();

        assertThat(warmed).hasValueSatisfying(w -> {
            assertThat(w.show()).isEqualTo(SHOW);
            assertThat(w.builds()).isBetween(1, 5);
        });
    }
}
