package io.shotplan.app.upload;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

class UploadApiTest extends WebTest {

    static final Path SMALL = Path.of("src/test/resources/shows/small");

    @Test
    void aShowUploadIsAllOrNothingWithEveryProblemListed() throws Exception {
        String yaml = Files.readString(SMALL.resolve("show.yaml")).replace("code: TST", "code: UPL");
        String csv = Files.readString(SMALL.resolve("shots.csv"));
        String broken = csv.replace("EP101_010_0010,EP101,EP101_010,First flakes over Avenida 9 de Julio,96",
                "EP101_010_0010,EP101,EP101_010,First flakes over Avenida 9 de Julio,-5")
                .replace("EP102_010_0020,EP102,EP102_010,Up-res of drone plate,200,24,1920x1080,plate_upres,2",
                        "EP102_010_0020,EP102,EP102_010,Up-res of drone plate,200,24,1920x1080,plate_upres,9");

        mvc.perform(multipart("/api/imports/show").file(file("show.yaml", yaml)).file(file("shots.csv", broken)).with(as(PRODUCER)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://shotplan.io/problems/import-rejected"))
                .andExpect(jsonPath("$.problems", hasSize(2)))
                .andExpect(jsonPath("$.problems[0].file").value("shots.csv"))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].field").value("frame_count"));
        mvc.perform(get("/api/shows/UPL").with(as(PRODUCER))).andExpect(status().isNotFound());

        mvc.perform(multipart("/api/imports/show").file(file("show.yaml", yaml)).file(file("shots.csv", csv)).with(as(PRODUCER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.showCode").value("UPL"))
                .andExpect(jsonPath("$.shotsAdded", hasSize(EXAMPLE.shots().size())));
        mvc.perform(multipart("/api/imports/show").file(file("show.yaml", yaml)).file(file("shots.csv", csv)).with(as(PRODUCER)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].message", containsString("already exists")));
        mvc.perform(multipart("/api/imports/show").file(file("show.yaml", yaml)).file(file("shots.csv", csv))
                        .param("replace", "true").with(as(PRODUCER)))
                .andExpect(status().isOk());
        // one entry per change, written with it: the replace, and before it the first import
        mvc.perform(get("/api/audit").param("entity", "show").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("REPLACE"))
                .andExpect(jsonPath("$.items[0].entityId").value("UPL"))
                .andExpect(jsonPath("$.items[1].action").value("IMPORT"))
                .andExpect(jsonPath("$.items[1].entityId").value("UPL"))
                .andExpect(jsonPath("$.items[1].detail", containsString("2 episodes, budget ")));
    }

    @Test
    void anUploadWithoutAShowFileSaysWhatIsMissing() throws Exception {
        mvc.perform(multipart("/api/imports/show").file(file("shots.csv", "code\n")).with(as(PRODUCER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("upload show.yaml")));
        mvc.perform(multipart("/api/imports/shots").file(new MockMultipartFile("file", "more.csv", "text/csv", new byte[0]))
                        .param("show", "NOPE").with(as(PRODUCER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void actualsGoToTheLedgerOnce() throws Exception {
        String actuals = "date,shot,discipline,artist_days,reference\n2027-02-10,EP101_010_0030,roto,1.5,TS-1\n";
        mvc.perform(multipart("/api/shows/" + SHOW + "/actuals").file(part("file", "timesheets.csv", actuals)).with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerRowsAdded").value(1));
        mvc.perform(multipart("/api/shows/" + SHOW + "/actuals").file(part("file", "timesheets.csv", actuals)).with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerRowsAdded").value(0));
    }

    @Test
    void anUploadIsStreamedAndRefusedAtTheLimitNotReadWhole() throws Exception {
        final int ROW_LENGTH = "EP101_900_0000000,EP101,48,roto,2\n".length();
        // an endless shot list: read whole it would never end; streamed, it is refused at the row limit
        MockMultipartFile endless = new MockMultipartFile("file", "endless.csv", "text/csv", new byte[0]) {
            @Override
            public byte[] getBytes() {
                throw new AssertionError("an upload must be streamed, not read whole into memory");
            }

            @Override
            public java.io.InputStream getInputStream() {
                byte[] header = "code,episode,frame_count,work_type,complexity\n".getBytes(StandardCharsets.UTF_8);
                return new java.io.InputStream() {
                    long position;

                    @Override
                    public int read() {
                        long at = position++;
                        if (at < header.length) {
                            return header[(int) at];
                        }
                        long n = (at - header.length) / ROW_LENGTH;
                        return String.format("EP101_900_%07d,EP101,48,roto,2\n", n).charAt((int) ((at - header.length) % ROW_LENGTH));
                    }
                };
            }
        };

        mvc.perform(multipart("/api/imports/shots").file(endless).param("show", SHOW).with(as(PRODUCER)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].message", containsString("the limit is 100000 per file")));
    }

    /** One of the files of a show upload (the part named "files"). */
    private static MockMultipartFile file(String name, String content) {
        return part("files", name, content);
    }

    private static MockMultipartFile part(String part, String name, String content) {
        return new MockMultipartFile(part, name, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }
}
