package io.shotplan.app.upload;

import static io.shotplan.app.security.Role.PRODUCER;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

class EdlUploadApiTest extends WebTest {

    static final String PULL = """
            TITLE: TST_EP102_VFX_PULL
            FCM: NON-DROP FRAME

            001  A012C004 V     C        14:22:10:05 14:22:14:05 01:00:00:00 01:00:04:00
            * LOC: 01:00:01:00 YELLOW  EP102_900_0010 snow on windscreen
            """;

    @Test
    void aProducerUploadsAPullAndGetsOneShotPerEvent() throws Exception {
        mvc.perform(upload(PULL).param("episode", "EP102").param("workType", "roto"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("EDL"))
                .andExpect(jsonPath("$.shotsAdded[0]").value("EP102_900_0010"));
        mvc.perform(get("/api/shows/" + SHOW + "/shots/EP102_900_0010").with(as(PRODUCER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frameCount").value(96));
    }

    @Test
    void aBrokenPullAnswers422WithItsLineAndField() throws Exception {
        mvc.perform(upload(PULL.replace("01:00:00:00 01:00:04:00", "01:00:04:00 01:00:00:00")
                        .replace("EP102_900_0010", "EP102_900_0020"))
                        .param("episode", "EP102").param("workType", "roto"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://shotplan.io/problems/import-rejected"))
                .andExpect(jsonPath("$.problems[0].file").value("pull.edl"))
                .andExpect(jsonPath("$.problems[0].line").value(4))
                .andExpect(jsonPath("$.problems[0].message", containsString("before record in")));
        mvc.perform(upload(PULL).param("episode", "EP102").param("workType", "roto").param("resolution", "huge"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("resolution")));
    }

    private static MockMultipartHttpServletRequestBuilder upload(String edl) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/imports/edl")
                .file(new MockMultipartFile("file", "pull.edl", "text/plain", edl.getBytes(StandardCharsets.UTF_8)))
                .param("show", SHOW).with(as(PRODUCER));
    }
}
