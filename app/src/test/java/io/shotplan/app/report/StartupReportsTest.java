package io.shotplan.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.app.web.WebTest;
import io.shotplan.reporting.ShowReport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reports built before serve says it is serving are the ones its first readers get. */
class StartupReportsTest extends WebTest {

    @Autowired
    StartupReports startup;
    @Autowired
    Reports reports;
    @Autowired
    Clock clock;

    @Test
    void theFirstReportAskedAfterTheStartIsTheOneBuiltAtTheStart() {
        ShowReport built = startup.build().stream().filter(report -> report.show().code().equals(SHOW))
                .findFirst().orElseThrow();

        // the report endpoint's question: the whole show, as of today, without original amounts
        assertThat(reports.report(SHOW, Optional.empty(), LocalDate.now(clock), false)).isSameAs(built);
    }
}
