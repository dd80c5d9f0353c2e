package io.shotplan.app.show;

import static io.shotplan.app.security.Role.ADMIN;
import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import io.shotplan.show.Show;
import io.shotplan.sql.ledger.LedgerEntry;
import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.ledger.LedgerSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Archiving: ADMIN only, audited, the show leaves the active lists and its ledger and reports stay readable. */
class ShowArchiveApiTest extends WebTest {

    @Autowired
    DSLContext dsl;

    @Test
    void anAdminArchivesAShowItLeavesTheActiveListsAndItsLedgerStaysReportable() throws Exception {
        Show example = EXAMPLE;
        long id = shows.save(new Show("ARC", example.name(), example.currency(), example.startDate(),
                example.contingencyPercent(), example.reviewBufferDays(), example.episodes(), example.disciplines(),
                example.gpuPools(), example.capabilities(), example.bidTemplate(), example.policy(), example.crew(),
                example.shots()));
        new LedgerRepository(dsl).append(LedgerEntry.money(id, null, LedgerSource.INVOICE, new BigDecimal("900.00"),
                example.currency(), LocalDate.of(2027, 3, 1), "INV-ARC", "test:INV-ARC"));

        mvc.perform(post("/api/shows/ARC/archive").with(as(PRODUCER))).andExpect(status().isForbidden());
        mvc.perform(post("/api/shows/ARC/archive").with(as(FINANCE))).andExpect(status().isForbidden());
        mvc.perform(post("/api/shows/ARC/archive").with(as(ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerRowsKept").value(1))
                .andExpect(jsonPath("$.archivedBy").value("admin"));
        mvc.perform(post("/api/shows/ARC/archive").with(as(ADMIN))).andExpect(status().isConflict());

        mvc.perform(get("/api/shows").with(as(FINANCE)))
                .andExpect(jsonPath("$[*].code", Matchers.not(Matchers.hasItem("ARC"))));
        mvc.perform(get("/api/shows").param("archived", "true").with(as(FINANCE)))
                .andExpect(jsonPath("$[?(@.code == 'ARC')].archivedAt", Matchers.not(Matchers.empty())));
        mvc.perform(get("/api/shows/ARC/report").with(as(FINANCE))).andExpect(status().isOk());
        mvc.perform(get("/api/audit").param("entity", "show").with(as(ADMIN)))
                .andExpect(jsonPath("$.items[0].action").value("ARCHIVE"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].detail", Matchers.containsString("cost ledger (1 rows, 900.00")));
    }
}
