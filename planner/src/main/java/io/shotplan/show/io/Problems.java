package io.shotplan.show.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems found while reading one input, and the value parsers that report into it instead of throwing.
 * At most {@link #MAX_LISTED} are listed; the rest are counted in a last line.
 */
final class Problems {

    static final int MAX_LISTED = 1000;
    private static final Pattern MONEY = Pattern.compile(
            "^(?:([A-Za-z]{3})\\s*)?(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)(?:\\s*([A-Za-z]{3}))?$");
    /** Hours in one artist-day, for files that give hours ("6 h"). */
    static final BigDecimal HOURS_PER_ARTIST_DAY = BigDecimal.valueOf(8);
    private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(d|day|days|h|hr|hrs|hour|hours)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "");

    private final String file;
    private final List<Problem> list = new ArrayList<>();
    private int unlisted;

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, int column, String field, String message) {
        if (list.size() < MAX_LISTED) {
            list.add(new Problem(file, line, column, field, message));
        } else {
            unlisted++;
        }
    }

    void add(Cell cell, String message) {
        add(cell.line(), cell.column(), cell.field(), message);
    }

    void addAll(List<Problem> problems) {
        problems.forEach(p -> {
            if (list.size() < MAX_LISTED) {
                list.add(p);
            } else {
                unlisted++;
            }
        });
    }

    /** How many problems so far, listed or not. */
    int count() {
        return list.size() + unlisted;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** The problems in the order of the file: by line, then column. */
    List<Problem> list() {
        List<Problem> all = new ArrayList<>(list);
        all.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        if (unlisted == 0) {
            return List.copyOf(all);
        }
        all.add(Problem.ofFile(file, "and " + unlisted + " more problems not listed"));
        return all;
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ImportProblems(list());
        }
    }

    /** A required value: reports a blank one and returns null. */
    String required(Cell cell, String expected) {
        if (cell.isBlank()) {
            add(cell, "is empty; expected " + expected);
            return null;
        }
        return cell.text();
    }

    /** A whole number in [min, max], or null (reported) when the text is not one. */
    Integer integer(Cell cell, long min, long max, String expected) {
        try {
            long value = Long.parseLong(cell.text());
            if (value < min || value > max) {
                add(cell, "expected " + expected + ", got " + value);
                return null;
            }
            return (int) value;
        } catch (NumberFormatException e) {
            add(cell, "expected " + expected + ", got '" + abbreviate(cell.text()) + "'");
            return null;
        }
    }

    /** A decimal number at least {@code min} (and at most {@code max} when given), or null (reported). */
    BigDecimal decimal(Cell cell, BigDecimal min, BigDecimal max, String expected) {
        BigDecimal value;
        try {
            value = new BigDecimal(cell.text());
        } catch (NumberFormatException e) {
            add(cell, "expected " + expected + ", got '" + abbreviate(cell.text()) + "'");
            return null;
        }
        if (value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0 || value.scale() > 8
                || (min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
            add(cell, "expected " + expected + ", got " + abbreviate(cell.text()));
            return null;
        }
        return value;
    }

    /**
     * An amount of money: {@code 1250}, {@code 1,250.50}, {@code 1250 USD} or {@code USD 1250}. A currency written
     * with it must be the show's.
     */
    BigDecimal money(Cell cell, String showCurrency) {
        return money(cell, showCurrency, "the show's currency");
    }

    /** {@link #money(Cell, String)} in {@code currency}, named {@code whose} when a written one differs ("the vendor's currency"). */
    BigDecimal money(Cell cell, String currency, String whose) {
        Matcher m = MONEY.matcher(cell.text());
        if (!m.matches() || (m.group(1) != null && m.group(3) != null)) {
            add(cell, "expected an amount such as 1250.00 or 1250.00 " + (currency == null ? "USD" : currency)
                    + ", got '" + abbreviate(cell.text()) + "'");
            return null;
        }
        String written = m.group(1) != null ? m.group(1) : m.group(3);
        if (written != null && currency != null && !written.equalsIgnoreCase(currency)) {
            add(cell, "currency " + written.toUpperCase(Locale.ROOT) + " does not match " + whose + " "
                    + currency + "; convert the amount first");
            return null;
        }
        BigDecimal value = new BigDecimal(m.group(2).replace(",", ""));
        if (value.signum() < 0) {
            add(cell, "expected an amount of 0 or more, got " + cell.text() + "; record a credit as a correction");
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0 || value.scale() > 4) {
            add(cell, "expected an amount below 10^12 with at most 4 decimals, got " + abbreviate(cell.text()));
            return null;
        }
        return value;
    }

    /** Artist-days as "1.5", "4 d" or "6 h" (at {@link #HOURS_PER_ARTIST_DAY} hours a day), or null (reported). */
    BigDecimal artistDays(Cell cell) {
        Matcher m = DURATION.matcher(cell.text());
        if (!m.matches() || m.group(1).length() > 12) {
            add(cell, "expected artist-days such as 1.5, 4 d or 6 h, got '" + abbreviate(cell.text()) + "'");
            return null;
        }
        BigDecimal value = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "d" : m.group(2).toLowerCase(Locale.ROOT);
        return unit.startsWith("h") ? value.divide(HOURS_PER_ARTIST_DAY, 4, RoundingMode.HALF_EVEN) : value;
    }

    /** An ISO date (2027-03-01), or null (reported). */
    LocalDate date(Cell cell) {
        try {
            return LocalDate.parse(cell.text());
        } catch (DateTimeParseException e) {
            add(cell, "expected a date as YYYY-MM-DD, got '" + abbreviate(cell.text()) + "'");
            return null;
        }
    }

    /** The currency written with an amount ({@code 1800 EUR}, {@code EUR 1800}), or null when none is. */
    static String writtenCurrency(Cell cell) {
        Matcher m = MONEY.matcher(cell.text());
        return !m.matches() ? null : m.group(1) != null ? m.group(1) : m.group(3);
    }

    /** {@code code} as an ISO 4217 currency code (upper case, as the standard writes it), or null (reported). */
    String currency(Cell cell, String code) {
        try {
            if (code.length() == 3) {
                return java.util.Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        add(cell, "expected an ISO 4217 currency code such as USD, EUR or ARS, got '" + abbreviate(cell.text()) + "'");
        return null;
    }

    /** yes/no, true/false, y/n, 1/0 (blank is no), or null (reported). */
    Boolean flag(Cell cell) {
        String v = cell.text().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        add(cell, "expected yes or no, got '" + abbreviate(cell.text()) + "'");
        return null;
    }

    /** A value at most {@code max} characters long (the database's column size), or null (reported). */
    String text(Cell cell, int max) {
        if (cell.text().length() > max) {
            add(cell, "is " + cell.text().length() + " characters long; at most " + max + " fit");
            return null;
        }
        return cell.text();
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
