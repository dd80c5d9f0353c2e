package io.shotplan.reporting.export;

import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.reporting.SmallShow;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Titles and names in Spanish, Portuguese, Greek and Japanese print as written, in embedded subset fonts. */
class PdfScriptsTest {

    private static final String SHOW_NAME = "Χιονόπτωση";
    private static final Map<String, String> TITLES = Map.of(
            "EP1", "La niña y el último año",
            "EP2", "São Paulo, a canção da neve",
            "EP3", "雪の街とアルゼンチン");
    private static final String DISCIPLINE_NAME = "Σύνθεση";

    @TempDir
    Path folder;

    @Test
    void everyScriptReadsBackExactlyAndTheFontsAreEmbeddedSubsets() throws IOException {
        ShowReport report;
        try (Database db = TestDatabases.h2()) {
            SmallShow.create(db.dsl());
            db.dsl().update(SHOW).set(SHOW.NAME, SHOW_NAME).where(SHOW.CODE.eq(SmallShow.CODE)).execute();
            TITLES.forEach((code, title) -> db.dsl().update(EPISODE).set(EPISODE.TITLE, title)
                    .where(EPISODE.CODE.eq(code)).execute());
            db.dsl().update(DISCIPLINE).set(DISCIPLINE.NAME, DISCIPLINE_NAME).where(DISCIPLINE.CODE.eq("COMP")).execute();
            report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
        }

        List<Path> pdfs = new PdfReportWriter().write(report, folder);

        assertThat(pdfs).hasSize(3);
        for (Path pdf : pdfs) {
            String code = pdf.getFileName().toString().replace("TINY-", "").replace(".pdf", "");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(SHOW_NAME + " (TINY) - episode " + code + " " + TITLES.get(code))
                        .contains(DISCIPLINE_NAME).doesNotContain("?");
                for (PDPage page : document.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                        assertThat(font.getName()).as("a subset's name carries a six-letter tag").matches("[A-Z]{6}\\+.*");
                    }
                }
            }
        }
    }
}
