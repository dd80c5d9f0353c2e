package io.shotplan.app.upload;

import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Revised shot lists and pulls over HTTP: a dry run answers the diff and writes nothing; a real one writes it. */
class RevisionUploadApiTest extends WebTest {

    static final String LIST = """
            code,episode,frame_count,work_type,complexity,description
            EP101_010_0030,EP101,84,roto,2,Juan behind the window: roto for snow pass and breath
            """;

    @Test
    void aDryRunShowsTheDiffAndWritesNothing() throws Exception {
        mvc.perform(upload("/api/imports/shots/revision", "v2.csv", LIST.replace(",84,", ",96,"))
                        .param("omitMissing", "true").param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.changed[0].code").value("EP101_010_0030"))
                .andExpect(jsonPath("$.changed[0].fields[0].field").value("frame_count"))
                .andExpect(jsonPath("$.changed[0].fields[0].before").value("84"))
                .andExpect(jsonPath("$.changed[0].fields[0].after").value("96"))
                .andExpect(jsonPath("$.omitted[*].code", hasItem("EP101_010_0010")))
                .andExpect(jsonPath("$.lines[0]", startsWith("Dry run, nothing written: would update show TST")));
        mvc.perform(get("/api/shows/" + SHOW + "/shots/EP101_010_0030").with(as(PRODUCER)))
                .andExpect(jsonPath("$.frameCount").value(84));
        mvc.perform(get("/api/shows/" + SHOW + "/shots/EP101_010_0010").with(as(PRODUCER)))
                .andExpect(jsonPath("$.status").value("NOT_STARTED"));
    }

    @Test
    void aRevisionIsAppliedAndAuditedWithItsCounts() throws Exception {
        mvc.perform(upload("/api/imports/shots/revision", "v2.csv", LIST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.changed[0].fields[0].field").value("description"));
        mvc.perform(get("/api/shows/" + SHOW + "/shots/EP101_010_0030").with(as(PRODUCER)))
                .andExpect(jsonPath("$.description").value("Juan behind the window: roto for snow pass and breath"));
        mvc.perform(get("/api/audit").param("entity", "show").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[*].detail", hasItem(startsWith("v2.csv: 0 added, 1 changed"))));
    }

    @Test
    void aRevisedPullNamesItsShotsAndOnlyProducersMayUploadIt() throws Exception {
        String pull = """
                001  A012C004 V     C        14:22:10:05 14:22:14:05 01:00:00:00 01:00:04:00
                * FROM CLIP NAME:  EP102_910_0010 (LAY3)
                """;
        mvc.perform(upload("/api/imports/edl/revision", "pull.edl", pull).param("episode", "EP102")
                        .param("workType", "roto").param("handles", "8").param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added[0].code").value("EP102_910_0010"))
                .andExpect(jsonPath("$.added[0].frameCount").value(96 + 16))
                .andExpect(jsonPath("$.added[0].codeFrom").value("clip name"));
        mvc.perform(file("/api/imports/edl/revision", "pull.edl", pull).param("show", SHOW).param("episode", "EP102")
                        .param("workType", "roto").with(as(SUPERVISOR)))
                .andExpect(status().isForbidden());
    }

    private static MockMultipartHttpServletRequestBuilder upload(String path, String name, String text) {
        return (MockMultipartHttpServletRequestBuilder) file(path, name, text).param("show", SHOW).with(as(PRODUCER));
    }

    private static MockMultipartHttpServletRequestBuilder file(String path, String name, String text) {
        return multipart(path).file(new MockMultipartFile("file", name, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }
}
