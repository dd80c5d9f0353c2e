package io.shotplan.reporting.export;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

/**
 * The charts' typeface: the reports' own fonts ({@link PdfTypeface}) rather than whatever the server has, so that a
 * discipline or mode named in Greek or Japanese is drawn as written on a host without those fonts. Java2D does not
 * fall back from one font to another within a text, and Droid Sans Fallback has no Latin: titles and legends are in
 * DejaVu Sans, and each label a show names takes the font that draws it ({@link #forText}).
 */
final class ChartTypeface {

    private static final Font DEJAVU = load(PdfTypeface.DEJAVU + "DejaVuSans.ttf");
    /** Tick labels' size, the theme's regular font. */
    static final float LABEL_SIZE = 12f;
    /** 3.4 MB: loaded the first time a label needs it. */
    private static Font fallback;

    private ChartTypeface() {
    }

    /** Sets the fonts of every title, label and legend of {@code chart} to DejaVu Sans. */
    static void apply(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(DEJAVU.deriveFont(Font.BOLD, 20f));
        theme.setLargeFont(DEJAVU.deriveFont(Font.BOLD, 14f));
        theme.setRegularFont(DEJAVU.deriveFont(LABEL_SIZE));
        theme.setSmallFont(DEJAVU.deriveFont(10f));
        theme.apply(chart);
    }

    /** DejaVu Sans where it draws the whole text, else Droid Sans Fallback where that does, else DejaVu Sans. */
    static Font forText(String text, float size) {
        if (DEJAVU.canDisplayUpTo(text) == -1) {
            return DEJAVU.deriveFont(size);
        }
        Font cjk = fallback();
        return (cjk.canDisplayUpTo(text) == -1 ? cjk : DEJAVU).deriveFont(size);
    }

    private static synchronized Font fallback() {
        if (fallback == null) {
            fallback = load(PdfTypeface.FALLBACK);
        }
        return fallback;
    }

    private static Font load(String resource) {
        try (InputStream in = ChartTypeface.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the font " + resource + " is not on the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new UncheckedIOException("cannot read the font " + resource,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
