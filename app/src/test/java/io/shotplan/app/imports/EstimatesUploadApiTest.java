package io.shotplan.app.imports;

import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

class EstimatesUploadApiTest extends WebTest {

    private static MockMultipartFile bids(String csv) {
        return new MockMultipartFile("file", "estimates.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProducerUploadsBidsAndABadFileAnswers422WithItsProblems() throws Exception {
        mvc.perform(multipart("/api/imports/estimates").file(bids("shot,mode,discipline,artist_days\n"
                        + "EP101_010_0010,traditional,fx,2\n")).param("show", SHOW).with(as(PRODUCER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ESTIMATES"))
                .andExpect(jsonPath("$.shotsAdded[0]").value("EP101_010_0010"));

        mvc.perform(multipart("/api/imports/estimates").file(bids("shot,mode,discipline,artist_days\n"
                        + "EP101_010_0010,nope-ai,fx,2\n")).param("show", SHOW).with(as(PRODUCER)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://shotplan.io/problems/import-rejected"))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].field").value("mode"));
    }

    @Test
    void onlyProducersImport() throws Exception {
        mvc.perform(multipart("/api/imports/estimates").file(bids("shot,mode,discipline,artist_days\n"))
                        .param("show", SHOW).with(as(SUPERVISOR)))
                .andExpect(status().isForbidden());
    }
}
