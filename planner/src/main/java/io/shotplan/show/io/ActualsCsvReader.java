package io.shotplan.show.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads actual costs from CSV. A file with a {@code seconds} or {@code credits} column is an external AI vendor's
 * usage report (shot, seconds or credits, amount, date, reference); any other is timesheets or vendor invoices
 * (shot, discipline, artist-days or amount, date, reference). A timesheet line without an amount costs its
 * artist-days at the day rate of the rate card in force on its date. An amount is in the show's currency unless the
 * line's {@code currency} names another (the ledger converts it at the rate in force on the line's date). Every
 * problem is reported; a file with any yields no lines.
 */
public final class ActualsCsvReader {

    private static final Map<String, String> COLUMNS = columns();

    private final ImportLimits limits;

    public ActualsCsvReader() {
        this(ImportLimits.DEFAULT);
    }

    public ActualsCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new HashMap<>();
        for (String h : List.of("shot", "code", "shot_code", "sg_shot", "entity")) {
            c.put(h, "shot");
        }
        for (String h : List.of("discipline", "department", "dept", "step", "pipeline_step")) {
            c.put(h, "discipline");
        }
        for (String h : List.of("artist_days", "days", "man_days", "duration", "bid_days")) {
            c.put(h, "artist_days");
        }
        for (String h : List.of("amount", "cost", "total", "line_total")) {
            c.put(h, "amount");
        }
        for (String h : List.of("date", "occurred_on", "work_date", "invoice_date", "usage_date", "date_logged")) {
            c.put(h, "date");
        }
        for (String h : List.of("reference", "ref", "invoice", "invoice_line", "timesheet_id", "usage_id", "id")) {
            c.put(h, "reference");
        }
        for (String h : List.of("seconds", "processed_seconds", "duration_seconds")) {
            c.put(h, "seconds");
        }
        c.put("credits", "credits");
        c.put("currency", "currency");
        c.put("vendor", "vendor");
        c.put("type", "type");
        return Map.copyOf(c);
    }

    public List<Actual> read(Path file, ActualsContext context) {
        return read(Source.of(file), context);
    }

    public List<Actual> read(Source source, ActualsContext context) {
        Problems problems = new Problems(source.name());
        List<Actual> actuals = new ArrayList<>();
        try (BufferedReader reader = source.openText(limits);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            CsvHeader header = null;
            Map<String, Integer> seen = new HashMap<>();
            for (CsvLines.Line next : new CsvLines(parser, problems, "")) {
                CSVRecord record = next.record();
                int line = next.line();
                if (header == null) {
                    header = header(record, line, problems);
                    if (!problems.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (actuals.size() >= limits.maxRows()) {
                    problems.add(line, 0, "", "more than " + limits.maxRows() + " lines; the limit is " + limits.maxRows()
                            + " per file (shotplan.import.max-rows)");
                    break;
                }
                Actual actual = actual(record, line, header, context, problems);
                if (actual != null) {
                    Integer first = seen.putIfAbsent(actual.identity(), line);
                    if (first != null) {
                        problems.add(header.cell(record, line, "reference"), "reference "
                                + actual.reference() + " for " + (actual.shot() == null ? "the show" : actual.shot())
                                + " is already on line " + first + "; each line needs its own reference");
                    } else {
                        actuals.add(actual);
                    }
                }
            }
            if (header == null && problems.isEmpty()) {
                problems.add(0, 0, "", "is empty; expected a header line such as shot,discipline,artist_days,amount,date,reference");
            }
        } catch (IOException e) {
            problems.addAll(source.unreadable(e, limits).problems());
        } catch (UncheckedIOException e) {
            problems.addAll(source.unreadable(e.getCause(), limits).problems());
        }
        problems.throwIfAny();
        return actuals;
    }

    private static CsvHeader header(CSVRecord record, int line, Problems problems) {
        CsvHeader header = CsvHeader.read(record, line, COLUMNS, problems);
        boolean vendor = header.has("seconds") || header.has("credits");
        if (vendor) {
            header.require(line, problems, "amount", "date", "reference");
        } else {
            header.require(line, problems, "date", "reference");
        }
        if (!vendor && !header.has("artist_days") && !header.has("amount")) {
            problems.add(line, 0, "artist_days", "missing required column artist_days or amount (timesheets give "
                    + "artist-days, invoices an amount); an AI vendor's usage report needs seconds or credits");
        }
        return header;
    }

    private static Actual actual(CSVRecord record, int line, CsvHeader header, ActualsContext context, Problems problems) {
        int before = problems.count();
        boolean vendorFile = header.has("seconds") || header.has("credits");
        Cell shotCell = header.cell(record, line, "shot");
        String shot = shotCell.isBlank() ? null : shotCell.text();
        if (shot != null && !context.shots().contains(shot)) {
            problems.add(shotCell, "unknown shot '" + Problems.abbreviate(shot) + "'; expected a shot of the show (or blank for a show-wide cost)");
        }
        Cell disciplineCell = header.cell(record, line, "discipline");
        String discipline = disciplineCell.isBlank() ? null : disciplineCell.text();
        if (discipline != null && !context.disciplines().contains(discipline)) {
            problems.add(disciplineCell, "unknown discipline '" + Problems.abbreviate(discipline) + "'; the show has "
                    + String.join(", ", new TreeSet<>(context.disciplines())));
            discipline = null;
        }
        Cell dateCell = header.cell(record, line, "date");
        LocalDate date = problems.required(dateCell, "the date as YYYY-MM-DD") == null ? null : problems.date(dateCell);
        Cell referenceCell = header.cell(record, line, "reference");
        String reference = problems.required(referenceCell,
                "a reference (invoice, timesheet or usage id): it keeps a re-import from counting the line twice");
        if (reference != null && reference.length() > 100) {
            problems.add(referenceCell, "is " + reference.length() + " characters long; at most 100 fit");
        }
        Cell currencyCell = header.cell(record, line, "currency");
        String currency = currencyCell.isBlank() ? context.currency() : currency(currencyCell, problems);
        Cell amountCell = header.cell(record, line, "amount");
        BigDecimal amount = amountCell.isBlank() || currency == null ? null : problems.money(amountCell, currency);
        Cell vendorCell = header.cell(record, line, "vendor");
        String vendor = vendorCell.isBlank() ? null : problems.text(vendorCell, 100);
        Actual.Kind kind;
        BigDecimal days = BigDecimal.ZERO;
        BigDecimal seconds = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        if (vendorFile) {
            kind = Actual.Kind.AI_VENDOR;
            if (amountCell.isBlank()) {
                problems.add(amountCell, "is empty; expected the amount the vendor charged");
            }
            Cell secondsCell = header.cell(record, line, "seconds");
            Cell creditsCell = header.cell(record, line, "credits");
            if (secondsCell.isBlank() && creditsCell.isBlank()) {
                problems.add(secondsCell.column() > 0 ? secondsCell : creditsCell,
                        "is empty; expected the seconds processed or the credits charged");
            }
            if (!secondsCell.isBlank()) {
                seconds = problems.decimal(secondsCell, BigDecimal.ZERO, null, "seconds of footage, 0 or more");
            }
            if (!creditsCell.isBlank()) {
                credits = problems.decimal(creditsCell, BigDecimal.ZERO, null, "credits, 0 or more");
            }
        } else {
            Cell typeCell = header.cell(record, line, "type");
            Cell daysCell = header.cell(record, line, "artist_days");
            if (!daysCell.isBlank()) {
                days = problems.artistDays(daysCell);
            }
            String type = typeCell.text().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                kind = amountCell.isBlank() ? Actual.Kind.TIMESHEET : Actual.Kind.INVOICE;
            } else if (type.equals("timesheet") || type.equals("invoice")) {
                kind = Actual.Kind.valueOf(type.toUpperCase(Locale.ROOT));
            } else {
                problems.add(typeCell, "expected timesheet or invoice, got '" + Problems.abbreviate(typeCell.text()) + "'");
                kind = Actual.Kind.INVOICE;
            }
            if (kind == Actual.Kind.TIMESHEET) {
                if (disciplineCell.isBlank()) {
                    problems.add(disciplineCell, "is empty; a timesheet line needs the discipline whose day rate prices it");
                }
                if (daysCell.isBlank() || (days != null && days.signum() == 0)) {
                    problems.add(daysCell, "expected artist-days above 0 on a timesheet line, such as 1.5 or 4 d");
                }
                if (amount == null && days != null && discipline != null && date != null && amountCell.isBlank()) {
                    if (!context.currency().equals(currency)) {
                        problems.add(currencyCell, "a timesheet line without an amount is priced at the rate card, in"
                                + " the show's currency " + context.currency() + "; expected that currency or an amount");
                    }
                    amount = days.multiply(context.rateCards().dayRate(discipline, date))
                            .setScale(4, RoundingMode.HALF_EVEN);
                }
            } else if (amountCell.isBlank()) {
                problems.add(amountCell, "is empty; expected the invoiced amount");
            }
        }
        if (problems.count() > before) {
            return null;
        }
        return new Actual(kind, line, shot, discipline, days, amount, currency, seconds, credits, vendor, date,
                reference);
    }

    /** An amount's currency: any ISO 4217 code; one other than the show's is converted when it is booked. */
    private static String currency(Cell cell, Problems problems) {
        return problems.currency(cell, cell.text().trim().toUpperCase(Locale.ROOT));
    }
}
