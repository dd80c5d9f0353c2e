package io.shotplan.reporting.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Top-to-bottom layout on landscape A4 pages: lines of text, tables and images, with page breaks. */
final class PdfLayout {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float TEXT_SIZE = 7.5f;
    private static final float ROW_HEIGHT = 10.5f;
    private static final float LABEL_WIDTH = 160;
    private static final float NARROW_LABEL_WIDTH = 90;
    private static final int WIDE_TABLE = 10;
    private static final float MAX_COLUMN_WIDTH = 78;

    private final PDDocument document;
    private final PdfTypeface regular;
    private final PdfTypeface bold;
    private PDPageContentStream content;
    private float y;

    PdfLayout(PDDocument document) throws IOException {
        this.document = document;
        this.regular = PdfTypeface.regular(document);
        this.bold = PdfTypeface.bold(document);
        newPage();
    }

    void title(String text) throws IOException {
        ensure(20);
        write(bold, 13, MARGIN, y - 13, text);
        y -= 20;
    }

    void line(String text) throws IOException {
        ensure(12);
        write(regular, 9, MARGIN, y - 9, text);
        y -= 12;
    }

    void gap() {
        y -= 8;
    }

    /** The table's title, header and first {@code maxRows} rows; the header repeats after a page break. */
    void table(ReportTable table, int maxRows) throws IOException {
        if (table.rows().isEmpty()) {
            return;
        }
        int columns = table.columns().size();
        float label = columns >= WIDE_TABLE ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
        float width = Math.min(MAX_COLUMN_WIDTH, (PAGE.getWidth() - 2 * MARGIN - label) / Math.max(columns - 1, 1));
        ensure(14 + ROW_HEIGHT * 3);
        write(bold, 10, MARGIN, y - 10, table.title());
        y -= 14;
        header(table, label, width);
        int shown = Math.min(maxRows, table.rows().size());
        for (int r = 0; r < shown; r++) {
            if (y - ROW_HEIGHT < MARGIN) {
                newPage();
                header(table, label, width);
            }
            List<Object> row = table.rows().get(r);
            boolean total = ReportTables.TOTAL.equals(row.getFirst());
            for (int c = 0; c < columns; c++) {
                cell(total ? bold : regular, DisplayFormat.text(row.get(c), table.columns().get(c).kind()), c, label,
                        width,
                        table.columns().get(c).kind() != ReportTable.Kind.TEXT);
            }
            y -= ROW_HEIGHT;
        }
        if (shown < table.rows().size()) {
            ensure(ROW_HEIGHT);
            write(regular, TEXT_SIZE, MARGIN, y - TEXT_SIZE,
                    "... and " + (table.rows().size() - shown) + " more rows in the XLSX and CSV forms");
            y -= ROW_HEIGHT;
        }
        y -= 8;
    }

    /** Images side by side, each drawn at the given size. */
    void images(List<BufferedImage> images, float width, float height) throws IOException {
        ensure(height + 8);
        float x = MARGIN;
        for (BufferedImage image : images) {
            PDImageXObject object = LosslessFactory.createFromImage(document, image);
            content.drawImage(object, x, y - height, width, height);
            x += width + 10;
        }
        y -= height + 8;
    }

    void close() throws IOException {
        content.close();
    }

    private void header(ReportTable table, float label, float width) throws IOException {
        for (int c = 0; c < table.columns().size(); c++) {
            cell(bold, table.columns().get(c).name(), c, label, width,
                    table.columns().get(c).kind() != ReportTable.Kind.TEXT);
        }
        y -= ROW_HEIGHT;
        content.setLineWidth(0.4f);
        content.moveTo(MARGIN, y + 2.5f);
        content.lineTo(MARGIN + label + width * (table.columns().size() - 1), y + 2.5f);
        content.stroke();
    }

    private void cell(PdfTypeface font, String text, int column, float label, float width, boolean right)
            throws IOException {
        float left = column == 0 ? MARGIN : MARGIN + label + width * (column - 1);
        float room = (column == 0 ? label : width) - 4;
        String fitted = fit(font, text, room);
        float textWidth = font.width(fitted, TEXT_SIZE);
        float x = right ? left + room - textWidth : left;
        write(font, TEXT_SIZE, x, y - TEXT_SIZE, fitted);
    }

    private static String fit(PdfTypeface font, String text, float room) throws IOException {
        if (font.width(text, TEXT_SIZE) <= room) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.width(cut + "...", TEXT_SIZE) > room) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "...";
    }

    /** The text in runs, each in the font of the typeface that has its characters. */
    private void write(PdfTypeface font, float size, float x, float baseline, String text) throws IOException {
        content.beginText();
        content.newLineAtOffset(x, baseline);
        for (PdfTypeface.Run run : font.runs(text)) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }
}
