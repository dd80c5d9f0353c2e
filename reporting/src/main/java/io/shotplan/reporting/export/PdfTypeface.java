package io.shotplan.reporting.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A typeface of the reports, embedded in the document as a subset (only the glyphs it draws): DejaVu Sans (Latin,
 * Greek, Cyrillic and more, from the jasperreports-fonts jar), and behind it Droid Sans Fallback (Chinese, Japanese,
 * Korean; Apache 2.0, a resource of this module) for what DejaVu lacks. The standard PDF fonts know only WinAnsi, so
 * titles and names in Greek or Japanese printed as {@code ?}. The fallback is loaded only when a text needs it.
 */
final class PdfTypeface {

    static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    static final String FALLBACK = "/io/shotplan/reporting/export/fonts/DroidSansFallback.ttf";
    /** Drawn for a character no font of the typeface has. */
    private static final String MISSING = "?";

    /** A stretch of text that one font draws. */
    record Run(PDFont font, String text) {
    }

    private final PDDocument document;
    private final PDFont primary;
    private PDFont fallback;

    private PdfTypeface(PDDocument document, String primaryFile) throws IOException {
        this.document = document;
        this.primary = load(document, DEJAVU + primaryFile);
    }

    static PdfTypeface regular(PDDocument document) throws IOException {
        return new PdfTypeface(document, "DejaVuSans.ttf");
    }

    /** Bold Latin and Greek; the CJK fallback has one weight. */
    static PdfTypeface bold(PDDocument document) throws IOException {
        return new PdfTypeface(document, "DejaVuSans-Bold.ttf");
    }

    /** The text cut into runs, each drawn by the first font that has its characters. */
    List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        PDFont current = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            PDFont font = fontFor(ch);
            if (font == null) {
                font = primary;
                ch = MISSING;
            }
            if (font != current && !run.isEmpty()) {
                runs.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = font;
            run.append(ch);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(current, run.toString()));
        }
        return runs;
    }

    /** The width of the text at a size, in points. */
    float width(String text, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    private PDFont fontFor(String ch) {
        if (has(primary, ch)) {
            return primary;
        }
        if (fallback == null) {
            try {
                fallback = load(document, FALLBACK);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + FALLBACK, e);
            }
        }
        return has(fallback, ch) ? fallback : null;
    }

    private static boolean has(PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) { // PDFBox's answer for a character without a glyph
            return false;
        }
    }

    private static PDFont load(PDDocument document, String resource) throws IOException {
        try (InputStream in = PdfTypeface.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the font " + resource + " is not on the class path");
            }
            return PDType0Font.load(document, in, true);
        }
    }
}
