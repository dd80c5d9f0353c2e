package io.shotplan.reporting.export;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.reporting.SmallShow;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import io.shotplan.sql.ledger.LedgerRepository;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

    @Test
    void textThatWouldRunAsAFormulaIsWrittenInertAndNegativeNumbersStayNumbers() throws Exception {
        ShowReport report;
        try (Database db = TestDatabases.h2()) {
            SmallShow.create(db.dsl());
            long vendorLine = db.dsl().select(COST_LEDGER.ID).from(COST_LEDGER)
                    .where(COST_LEDGER.IDEMPOTENCY_KEY.eq("vendor-2")).fetchSingle().value1();
            // a correction whose free-text reason an attacker (or a careless paste) made a formula
            new LedgerRepository(db.dsl()).reverse(vendorLine, "=HYPERLINK(\"http://x.test\",\"ok\")", "vendor-2-reversal");
            report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
        }
        StringWriter out = new StringWriter();

        new CsvReportWriter().write(report, out);

        List<CSVRecord> corrections = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords().stream()
                .filter(r -> r.get("table").equals(ReportTables.CORRECTIONS)).toList();
        assertThat(corrections).extracting(r -> r.get("value"))
                .contains("'=HYPERLINK(\"http://x.test\",\"ok\")", "-140.00")
                .noneMatch(v -> v.startsWith("=") || v.startsWith("@") || v.startsWith("+"));
        assertThat(out.toString()).doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
    }
}
