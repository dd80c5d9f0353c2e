package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.Show;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowFolderWriterTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenShowFolderReadsBackToTheSameShow() {
        Show season = new ShowFolderReader().read(ShowFolderReaderTest.EXAMPLE);

        new ShowFolderWriter().write(season, dir);

        assertThat(new ShowFolderReader().read(dir)).isEqualTo(season);
    }

    @Test
    void theShowFileIsPlainYamlAProducerCanEdit() throws Exception {
        new ShowFolderWriter().write(new ShowFolderReader().read(ShowFolderReaderTest.EXAMPLE), dir);

        String yaml = Files.readString(dir.resolve("show.yaml"));

        assertThat(yaml).startsWith("code: NVB\nname: \"Nevada Blanca, season 1\"\ncurrency: USD\nstart_date: 2027-02-01\n")
                .contains("budget: 140000").contains("hourly_rate: 1.90").contains("model: esrgan-slim-x2")
                .doesNotContain("E+").endsWith("shot_list: shots.csv\n");
    }
}
