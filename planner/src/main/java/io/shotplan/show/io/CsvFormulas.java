package io.shotplan.show.io;

import java.util.regex.Pattern;

/**
 * Cells a spreadsheet would run as formulas, made inert in every CSV shotplan writes (OWASP's CSV injection rule): a
 * text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * {@code '}, which spreadsheets show as text and do not evaluate. A shot's description "=HYPERLINK(...)" opens as
 * text in finance's Excel, not as a link.
 *
 * <p>Only text is neutralised: numbers written as numbers ({@code -1200.00} in a report) stay numbers. Readers of
 * shotplan's own files take one {@code '} back off ({@link #readBack}), so an export imports to the same values; a
 * cell that itself starts with {@code '} before a formula character is written with one more, so it reads back
 * unchanged too.
 */
public final class CsvFormulas {

    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r]");

    private CsvFormulas() {
    }

    /** The text as a CSV cell no spreadsheet evaluates. */
    public static String neutralise(String text) {
        return text != null && FORMULA.matcher(text).lookingAt() ? "'" + text : text;
    }

    /** A cell written by {@link #neutralise} as the text it was. */
    public static String readBack(String cell) {
        return cell != null && cell.startsWith("'") && FORMULA.matcher(cell).lookingAt() ? cell.substring(1) : cell;
    }
}
