package io.shotplan.app.report;

import static io.shotplan.app.security.Role.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportApiTest extends WebTest {

    @BeforeEach
    void aPlanExists() throws Exception {
        String plans = mvc.perform(get("/api/shows/" + SHOW + "/plans").with(as(FINANCE))).andReturn().getResponse().getContentAsString();
        if (plans.equals("[]")) {
            solve(null, 2);
        }
    }

    @Test
    void theReportHasEveryEpisodeWithItsPlannedCost() throws Exception {
        mvc.perform(get("/api/shows/" + SHOW + "/report").param("asOf", "2027-03-01").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.show.code").value(SHOW))
                .andExpect(jsonPath("$.show.asOf").value("2027-03-01"))
                .andExpect(jsonPath("$.episodes", hasSize(2)))
                .andExpect(jsonPath("$.total.figures.shots").value(EXAMPLE.shots().size()));
        mvc.perform(get("/api/shows/" + SHOW + "/report").param("episode", "EP102").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.episodes[0].code").value("EP102"));
    }

    @Test
    void downloadsComeInEveryForm() throws Exception {
        byte[] csv = mvc.perform(get("/api/shows/" + SHOW + "/report.csv").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv)).contains("EP101").contains(SHOW);

        byte[] xlsx = mvc.perform(get("/api/shows/" + SHOW + "/report.xlsx").with(as(FINANCE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isGreaterThan(1);
        }

        byte[] pdf = mvc.perform(get("/api/shows/" + SHOW + "/report.pdf").param("episode", "EP101").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
        mvc.perform(get("/api/shows/" + SHOW + "/report.pdf").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"));
    }

    @Test
    void badReportRequestsAreProblems() throws Exception {
        mvc.perform(get("/api/shows/" + SHOW + "/report.docx").with(as(FINANCE))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/shows/" + SHOW + "/report").param("asOf", "yesterday").with(as(FINANCE)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/shows/NOPE/report").with(as(FINANCE))).andExpect(status().isNotFound());
        mvc.perform(get("/api/shows/" + SHOW + "/report").param("episode", "EP999").with(as(FINANCE)))
                .andExpect(status().isNotFound());
    }
}
