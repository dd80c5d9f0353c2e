package io.shotplan.show.io;

import io.shotplan.show.AiCapability;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.Show;
import io.shotplan.show.WorkMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a supervisor's per-shot hand bids in either of two layouts. {@code estimates.csv}'s: one line per shot and
 * mode, setting a discipline's artist-days, an in-house capability's GPU-hours or an external vendor's quote. A bid
 * sheet's (a header without a {@code mode} column): one row per shot, a column per discipline (its code or name)
 * with traditional artist-days, and optionally {@code gpu_hours} with the in-house capability in {@code ai_mode} and
 * {@code vendor_quote} with the vendor's capability in {@code vendor_mode}. Both are checked alike: every problem is
 * reported with file, line, column and field; a file with any yields nothing. An AI bid on a shot that may not go
 * to AI (human-only, likeness without consent, policy) is an error: eligibility wins over a bid.
 */
public final class EstimatesCsvReader {

    /** The header a producer starts from. */
    public static final String HEADER = "shot,mode,discipline,artist_days,gpu_hours,vendor_cost,currency";

    private static final int MAX_DECIMALS = 4;
    private static final Map<String, String> COLUMNS = columns();

    private final ImportLimits limits;

    public EstimatesCsvReader() {
        this(ImportLimits.DEFAULT);
    }

    public EstimatesCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new HashMap<>();
        List.of("shot", "code", "shot_code", "sg_shot", "entity").forEach(h -> c.put(h, "shot"));
        List.of("mode", "work_mode", "capability").forEach(h -> c.put(h, "mode"));
        List.of("discipline", "department", "dept", "step", "pipeline_step").forEach(h -> c.put(h, "discipline"));
        List.of("artist_days", "days", "bid_days", "man_days").forEach(h -> c.put(h, "artist_days"));
        List.of("gpu_hours", "gpu_h").forEach(h -> c.put(h, "gpu_hours"));
        List.of("vendor_cost", "vendor_quote", "quote").forEach(h -> c.put(h, "vendor_cost"));
        List.of("ai_mode", "ai_capability", "gpu_mode").forEach(h -> c.put(h, "ai_mode"));
        List.of("vendor_mode", "vendor_capability").forEach(h -> c.put(h, "vendor_mode"));
        List.of("currency", "quote_currency", "vendor_currency").forEach(h -> c.put(h, "currency"));
        return Map.copyOf(c);
    }

    /** The bids by shot code, in file order, or an {@link ImportProblems} with every problem found. */
    public Map<String, List<EstimateOverride>> read(Source source, Show show) {
        Problems problems = new Problems(source.name());
        Map<String, List<EstimateOverride>> bids = parse(source, show, problems);
        problems.throwIfAny();
        return bids;
    }

    /** Parses and reports into {@code problems}; what it returns is only whole when they stay empty. */
    Map<String, List<EstimateOverride>> parse(Source source, Show show, Problems problems) {
        try (BufferedReader reader = source.openText(limits);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            return parseRecords(parser, new Rows(show, problems));
        } catch (IOException e) {
            problems.addAll(source.unreadable(e, limits).problems());
        } catch (UncheckedIOException e) {
            problems.addAll(source.unreadable(e.getCause(), limits).problems());
        }
        return Map.of();
    }

    private Map<String, List<EstimateOverride>> parseRecords(CSVParser parser, Rows rows) {
        Problems problems = rows.problems;
        CsvHeader header = null;
        Map<Integer, String> disciplineColumns = Map.of();
        int count = 0;
        for (CsvLines.Line next : new CsvLines(parser, problems, "; expected cells separated by commas, quotes closed")) {
            if (header == null) {
                header = CsvHeader.read(next.record(), next.line(), COLUMNS, problems);
                disciplineColumns = header.has("mode") ? Map.of() : rows.disciplineColumns(next.record());
                checkHeader(header, disciplineColumns, next.line(), problems);
                if (!problems.isEmpty()) {
                    break;
                }
                continue;
            }
            if (++count > limits.maxRows()) {
                problems.add(next.line(), 0, "", "more than " + limits.maxRows() + " lines; the limit is "
                        + limits.maxRows() + " per file (shotplan.import.max-rows)");
                break;
            }
            CSVRecord record = next.record();
            int line = next.line();
            CsvHeader h = header;
            if (header.has("mode")) {
                rows.read(line, field -> h.cell(record, line, field));
            } else {
                rows.readSheetRow(line, field -> h.cell(record, line, field), disciplineColumns, record);
            }
        }
        if (header == null && problems.isEmpty()) {
            problems.add(0, 0, "", "is empty; expected the header line " + HEADER);
        }
        return rows.bids;
    }

    private static void checkHeader(CsvHeader header, Map<Integer, String> disciplineColumns, int line, Problems problems) {
        if (!header.has("mode")) {
            header.require(line, problems, "shot");
            if (disciplineColumns.isEmpty() && !header.has("gpu_hours") && !header.has("vendor_cost")) {
                problems.add(line, 0, "mode", "missing required column mode (estimates.csv: " + HEADER + "), or a "
                        + "column per discipline, gpu_hours or vendor_quote (a bid sheet: one row per shot)");
            }
            if (header.has("gpu_hours")) {
                header.require(line, problems, "ai_mode");
            }
            if (header.has("vendor_cost")) {
                header.require(line, problems, "vendor_mode");
            }
            return;
        }
        header.require(line, problems, "shot", "mode");
        if (!header.has("artist_days") && !header.has("gpu_hours") && !header.has("vendor_cost")) {
            problems.add(line, 0, "artist_days", "missing a column to bid: artist_days (with discipline), "
                    + "gpu_hours or vendor_cost; the header is " + HEADER);
        } else if (header.has("artist_days")) {
            header.require(line, problems, "discipline");
        }
    }

    /** The lines of one file, checked against the show and against each other. */
    private static final class Rows {
        private final Show show;
        private final Problems problems;
        private final ShotEstimator estimator;
        private final Map<String, Shot> shots;
        private final Map<String, AiCapability> capabilities;
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, List<EstimateOverride>> bids = new LinkedHashMap<>();

        Rows(Show show, Problems problems) {
            this.show = show;
            this.problems = problems;
            this.estimator = new ShotEstimator(show);
            this.shots = show.shots().stream().collect(Collectors.toMap(Shot::code, Function.identity()));
            this.capabilities = show.capabilities().stream()
                    .collect(Collectors.toMap(AiCapability::code, Function.identity()));
        }

        /** A bid sheet's columns that are disciplines: the header names the discipline's code or its name. */
        Map<Integer, String> disciplineColumns(CSVRecord header) {
            Map<String, String> byName = new HashMap<>();
            show.disciplines().forEach(d -> {
                byName.put(ShotColumn.normalize(d.code()), d.code());
                byName.put(ShotColumn.normalize(d.name()), d.code());
            });
            Map<Integer, String> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String code = byName.get(ShotColumn.normalize(header.get(i).trim()));
                if (code != null && !COLUMNS.containsKey(ShotColumn.normalize(header.get(i).trim()))) {
                    columns.put(i, code);
                }
            }
            return columns;
        }

        /**
         * A bid sheet's row: each discipline cell is a traditional artist-days bid, {@code gpu_hours} one for the
         * {@code ai_mode} capability and {@code vendor_quote} one for the {@code vendor_mode}; checked as the lines
         * of estimates.csv that say the same.
         */
        void readSheetRow(int line, Function<String, Cell> cells, Map<Integer, String> disciplineColumns,
                          CSVRecord record) {
            Cell shot = cells.apply("shot");
            if (shot.isBlank() && record.stream().allMatch(String::isBlank)) {
                return; // an empty row between blocks of a sheet
            }
            if (shot(shot) == null) {
                return; // reported once for the row, not once per cell
            }
            Cell blank = new Cell(line, 0, "", "");
            Cell traditional = new Cell(line, 0, "mode", WorkMode.TRADITIONAL_CODE);
            disciplineColumns.forEach((index, code) -> {
                Cell days = new Cell(line, index + 1, code, index < record.size() ? record.get(index) : "");
                if (!days.isBlank()) {
                    Cell discipline = new Cell(days.line(), days.column(), days.field(), code);
                    read(line, field -> switch (field) {
                        case "shot" -> shot;
                        case "mode" -> traditional;
                        case "discipline" -> discipline;
                        case "artist_days" -> days;
                        default -> blank;
                    });
                }
            });
            for (String[] quantity : new String[][] {{"gpu_hours", "ai_mode"}, {"vendor_cost", "vendor_mode"}}) {
                Cell amount = cells.apply(quantity[0]);
                if (!amount.isBlank()) {
                    Cell mode = cells.apply(quantity[1]);
                    Cell currency = quantity[0].equals("vendor_cost") ? cells.apply("currency") : blank;
                    read(line, field -> field.equals("shot") ? shot : field.equals("mode") ? mode
                            : field.equals(quantity[0]) ? amount : field.equals("currency") ? currency : blank);
                }
            }
        }

        void read(int line, Function<String, Cell> cells) {
            int before = problems.count();
            Shot shot = shot(cells.apply("shot"));
            WorkMode mode = mode(cells.apply("mode"), shot);
            Cell disciplineCell = cells.apply("discipline");
            Cell daysCell = cells.apply("artist_days");
            Cell gpuCell = cells.apply("gpu_hours");
            Cell vendorCell = cells.apply("vendor_cost");
            if (daysCell.isBlank() && gpuCell.isBlank() && vendorCell.isBlank()) {
                problems.add(line, 0, "", "bids nothing; expected artist_days (with a discipline), gpu_hours or vendor_cost");
                return;
            }
            List<Located> located = new ArrayList<>();
            if (!daysCell.isBlank() || !disciplineCell.isBlank()) {
                String discipline = discipline(disciplineCell);
                BigDecimal days = daysCell.isBlank() ? blank(daysCell, "the discipline's artist-days, such as 6 or 4 d")
                        : fourDecimals(daysCell, problems.artistDays(daysCell));
                if (mode != null && discipline != null && days != null) {
                    located.add(new Located(daysCell, new EstimateOverride.ArtistDays(mode.code(), discipline, days)));
                }
            }
            if (!gpuCell.isBlank()) {
                BigDecimal hours = fourDecimals(gpuCell, problems.decimal(gpuCell, BigDecimal.ZERO, null, "GPU-hours, 0 or more"));
                if (mode != null && !(mode instanceof WorkMode.InHouseAi)) {
                    problems.add(gpuCell, "GPU-hours are for an in-house AI capability; " + mode.label() + " is "
                            + (mode instanceof WorkMode.VendorAi ? "an external vendor's (give vendor_cost)" : "done by artists"));
                } else if (mode != null && hours != null) {
                    located.add(new Located(gpuCell, new EstimateOverride.GpuHours(mode.code(), hours)));
                }
            }
            Cell currencyCell = cells.apply("currency");
            if (!vendorCell.isBlank()) {
                if (mode != null && !(mode instanceof WorkMode.VendorAi)) {
                    problems.add(vendorCell, "a vendor quote is for an external AI vendor's capability; " + mode.label()
                            + " is " + (mode instanceof WorkMode.InHouseAi ? "in-house (give gpu_hours)" : "done by artists"));
                } else if (mode instanceof WorkMode.VendorAi vendor) {
                    String currency = quoteCurrency(currencyCell, vendorCell, vendor.capability());
                    BigDecimal amount = currency == null ? null
                            : problems.money(vendorCell, currency, "the quote's currency");
                    if (amount != null) {
                        located.add(new Located(vendorCell, new EstimateOverride.VendorCost(mode.code(), amount, currency)));
                    }
                }
            } else if (!currencyCell.isBlank()) {
                problems.add(currencyCell, "a currency is for a vendor quote; this line gives no vendor_cost");
            }
            if (problems.count() > before || shot == null) {
                return;
            }
            for (Located bid : located) {
                Integer first = seen.putIfAbsent(shot.code() + "\u0000" + key(bid.override()), line);
                if (first != null) {
                    problems.add(bid.cell(), "shot " + shot.code() + " already has this bid (" + bid.override().describe()
                            + ") on line " + first + "; keep one");
                } else {
                    bids.computeIfAbsent(shot.code(), code -> new ArrayList<>()).add(bid.override());
                }
            }
        }

        /**
         * A quote is in the currency its line names, else the one written with the amount ({@code 1800 EUR}), else
         * the vendor's ({@code currency} of the capability in the show file, the show's when it has none).
         */
        private String quoteCurrency(Cell currencyCell, Cell amountCell, AiCapability vendor) {
            if (!currencyCell.isBlank()) {
                return problems.currency(currencyCell, currencyCell.text().toUpperCase(java.util.Locale.ROOT));
            }
            String written = Problems.writtenCurrency(amountCell);
            return written != null ? problems.currency(amountCell, written.toUpperCase(java.util.Locale.ROOT))
                    : vendor.vendorCurrency();
        }

        private Shot shot(Cell cell) {
            if (problems.required(cell, "a shot code of show " + show.code()) == null) {
                return null;
            }
            Shot shot = shots.get(cell.text());
            if (shot == null) {
                problems.add(cell, "unknown shot '" + Problems.abbreviate(cell.text()) + "'; expected a shot of show " + show.code());
            }
            return shot;
        }

        private WorkMode mode(Cell cell, Shot shot) {
            if (problems.required(cell, "traditional or an AI capability's code") == null) {
                return null;
            }
            if (cell.text().equalsIgnoreCase(WorkMode.TRADITIONAL_CODE)) {
                return WorkMode.TRADITIONAL;
            }
            AiCapability capability = capabilities.get(cell.text());
            if (capability == null) {
                problems.add(cell, "unknown mode '" + Problems.abbreviate(cell.text()) + "'; expected traditional or one of "
                        + "the show's AI capabilities: " + String.join(", ", new TreeSet<>(capabilities.keySet())));
                return null;
            }
            if (shot == null) {
                return WorkMode.of(capability);
            }
            var whyNot = estimator.whyNot(shot, capability);
            if (whyNot.isPresent()) {
                problems.add(cell, "shot " + shot.code() + " may not go to " + capability.code() + " (" + whyNot.get()
                        + "), so the bid would never be used; bid it traditional");
                return null;
            }
            return WorkMode.of(capability);
        }

        private String discipline(Cell cell) {
            if (cell.isBlank()) {
                return blank(cell, "the discipline the artist-days are for");
            }
            if (show.disciplinesByCode().containsKey(cell.text())) {
                return cell.text();
            }
            problems.add(cell, "unknown discipline '" + Problems.abbreviate(cell.text()) + "'; the show has "
                    + String.join(", ", new TreeSet<>(show.disciplinesByCode().keySet())));
            return null;
        }

        private <T> T blank(Cell cell, String expected) {
            problems.add(cell, "is empty; expected " + expected);
            return null;
        }

        /** The value, or null (reported) when it has more decimals than the database keeps. */
        private BigDecimal fourDecimals(Cell cell, BigDecimal value) {
            if (value != null && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                problems.add(cell, "expected at most " + MAX_DECIMALS + " decimals, got " + Problems.abbreviate(cell.text()));
                return null;
            }
            return value;
        }

        private static String key(EstimateOverride override) {
            return switch (override) {
                case EstimateOverride.ArtistDays a -> a.mode() + "\u0000days\u0000" + a.discipline();
                case EstimateOverride.GpuHours g -> g.mode() + "\u0000gpu";
                case EstimateOverride.VendorCost v -> v.mode() + "\u0000vendor";
            };
        }
    }

    private record Located(Cell cell, EstimateOverride override) {
    }
}
