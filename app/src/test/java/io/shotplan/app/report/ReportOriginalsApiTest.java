package io.shotplan.app.report;

import static io.shotplan.app.security.Role.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import io.shotplan.show.Show;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** A show of its own, so that its peso invoices stay out of the actuals other web tests read. */
class ReportOriginalsApiTest extends WebTest {

    private static final String CODE = "TSX";

    @Test
    void theReportAndItsCsvListTheOriginalAmountsOnlyWhenAsked() throws Exception {
        Show show = EXAMPLE;
        shows.save(new Show(CODE, show.name(), show.currency(), show.startDate(), show.contingencyPercent(),
                show.reviewBufferDays(), show.episodes(), show.disciplines(), show.gpuPools(), show.capabilities(),
                show.bidTemplate(), show.policy(), show.crew(), show.shots()));
        upload("exchange-rates", "currency,effective_from,rate\nARS,2027-03-01,1050\n");
        upload("actuals", """
                invoice,invoice_date,vendor,shot,discipline,amount,currency
                ARS-1,2027-03-02,Estudio Sur,EP101_010_0010,comp,"2,100,000.00",ARS
                ARS-2,2027-03-03,Estudio Sur,EP102_010_0010,comp,"525,000.00",ARS
                """);
        String report = "/api/shows/" + CODE + "/report";

        mvc.perform(get(report).param("asOf", "2027-03-31").with(as(FINANCE))).andExpect(status().isOk())
                .andExpect(jsonPath("$.originals", hasSize(0)));
        mvc.perform(get(report).param("asOf", "2027-03-31").param("originals", "true").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.figures.actualCost").value(2500.0))
                .andExpect(jsonPath("$.originals[*].episode").value(org.hamcrest.Matchers.contains("EP101", "EP102")))
                .andExpect(jsonPath("$.originals[0].currency").value("ARS"))
                .andExpect(jsonPath("$.originals[0].originalAmount").value(2100000.0))
                .andExpect(jsonPath("$.originals[0].amount").value(2000.0))
                .andExpect(jsonPath("$.originals[1].originalAmount").value(525000.0))
                .andExpect(jsonPath("$.originals[1].amount").value(500.0));

        String plain = mvc.perform(get(report + ".csv").param("asOf", "2027-03-31").with(as(FINANCE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String withOriginals = mvc.perform(get(report + ".csv").param("asOf", "2027-03-31").param("originals", "true")
                        .with(as(FINANCE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(plain).doesNotContain("Original amounts");
        assertThat(withOriginals).contains("Original amounts", "2100000.00 ARS", "525000.00 ARS");
    }

    private void upload(String what, String csv) throws Exception {
        mvc.perform(multipart("/api/shows/" + CODE + "/" + what)
                        .file(new MockMultipartFile("file", what + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(as(FINANCE)))
                .andExpect(status().isOk());
    }
}
