package io.shotplan.show.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads dated exchange rates from CSV ({@code currency,effective_from,rate}): each rate is how many units of the
 * currency one unit of the show's currency buys, as banks quote it. Every problem is reported with its line and
 * column; a file with any yields no rates.
 */
public final class ExchangeRatesCsvReader {

    private static final Map<String, String> COLUMNS = Map.of(
            "currency", "currency", "code", "currency",
            "effective_from", "effective_from", "date", "effective_from", "valid_from", "effective_from",
            "rate", "rate", "exchange_rate", "rate");
    private static final BigDecimal LARGEST = new BigDecimal("99999999999999");

    private final ImportLimits limits;

    public ExchangeRatesCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    /** The file's rates against {@code showCurrency}, in file order. */
    public List<ExchangeRateLine> read(Source source, String showCurrency) {
        Problems problems = new Problems(source.name());
        List<ExchangeRateLine> rates = new ArrayList<>();
        try (BufferedReader reader = source.openText(limits);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            CsvHeader header = null;
            Map<String, Integer> seen = new HashMap<>();
            for (CsvLines.Line next : new CsvLines(parser, problems, "")) {
                CSVRecord record = next.record();
                int line = next.line();
                if (header == null) {
                    header = CsvHeader.read(record, line, COLUMNS, problems);
                    header.require(line, problems, "currency", "effective_from", "rate");
                    if (!problems.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (rates.size() >= limits.maxRows()) {
                    problems.add(line, 0, "", "more than " + limits.maxRows() + " lines; the limit is " + limits.maxRows()
                            + " per file (shotplan.import.max-rows)");
                    break;
                }
                ExchangeRateLine rate = rate(record, line, header, showCurrency, problems);
                if (rate != null) {
                    Integer first = seen.putIfAbsent(rate.currency() + "@" + rate.effectiveFrom(), line);
                    if (first != null) {
                        problems.add(header.cell(record, line, "effective_from"), "a second " + rate.currency()
                                + " rate from " + rate.effectiveFrom() + "; the first is on line " + first);
                    } else {
                        rates.add(rate);
                    }
                }
            }
            if (header == null && problems.isEmpty()) {
                problems.add(0, 0, "", "is empty; expected a header line currency,effective_from,rate");
            } else if (rates.isEmpty() && problems.isEmpty()) {
                problems.add(0, 0, "", "has no rates");
            }
        } catch (IOException e) {
            problems.addAll(source.unreadable(e, limits).problems());
        } catch (UncheckedIOException e) {
            problems.addAll(source.unreadable(e.getCause(), limits).problems());
        }
        problems.throwIfAny();
        return rates;
    }

    private static ExchangeRateLine rate(CSVRecord record, int line, CsvHeader header, String showCurrency,
                                         Problems problems) {
        int before = problems.count();
        Cell currencyCell = header.cell(record, line, "currency");
        String currency = null;
        if (problems.required(currencyCell, "an ISO 4217 currency code such as ARS") != null) {
            currency = problems.currency(currencyCell, currencyCell.text().trim().toUpperCase(Locale.ROOT));
            if (currency != null && currency.equals(showCurrency)) {
                problems.add(currencyCell, currency + " is the show's own currency; a rate is for another currency");
            }
        }
        Cell dateCell = header.cell(record, line, "effective_from");
        LocalDate from = problems.required(dateCell, "the first day of the rate as YYYY-MM-DD") == null ? null
                : problems.date(dateCell);
        Cell rateCell = header.cell(record, line, "rate");
        BigDecimal rate = problems.required(rateCell, "units of the currency per one " + showCurrency) == null ? null
                : problems.decimal(rateCell, BigDecimal.ZERO, LARGEST,
                        "units of the currency per one " + showCurrency + ", above 0, such as 1050.25");
        if (rate != null && rate.signum() == 0) {
            problems.add(rateCell, "expected units of the currency per one " + showCurrency + ", above 0, got 0");
        }
        return problems.count() > before ? null : new ExchangeRateLine(line, currency, from, rate);
    }
}
