package io.shotplan.reporting.export;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How the human-readable forms (PDF) print a value. Values arrive rounded; nothing here rounds: money and quantities
 * get thousands separators and their own scale, shares print as percentages.
 */
final class DisplayFormat {

    /** What print shows for a figure without a value (the header says why, e.g. no baseline locked). */
    static final String NO_FIGURE = "\u2014";

    private DisplayFormat() {
    }

    static String text(Object value, ReportTable.Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (value) {
            case BigDecimal number when kind == ReportTable.Kind.RATIO -> plain(number.movePointRight(2)) + "%";
            case BigDecimal number -> grouped(number);
            case Long count -> count.toString();
            case LocalDate date -> date.toString();
            case ReportTable.NoFigure none -> NO_FIGURE;
            default -> value.toString();
        };
    }

    /** e.g. 1,234,567.50 and -100.00: keeps the number's scale. */
    static String grouped(BigDecimal number) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(number.scale(), 0));
        format.setMaximumFractionDigits(Math.max(number.scale(), 0));
        format.setParseBigDecimal(true);
        return format.format(number);
    }

    static String plain(BigDecimal number) {
        return number.toPlainString();
    }
}
