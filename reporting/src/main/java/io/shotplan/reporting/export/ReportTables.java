package io.shotplan.reporting.export;

import static io.shotplan.reporting.export.ReportTable.Kind.COUNT;
import static io.shotplan.reporting.export.ReportTable.Kind.DATE;
import static io.shotplan.reporting.export.ReportTable.Kind.MONEY;
import static io.shotplan.reporting.export.ReportTable.Kind.QUANTITY;
import static io.shotplan.reporting.export.ReportTable.Kind.RATIO;
import static io.shotplan.reporting.export.ReportTable.Kind.TEXT;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReport.Breakdown;
import io.shotplan.reporting.ShowReport.CostLine;
import io.shotplan.reporting.ShowReport.EpisodeReport;
import io.shotplan.reporting.ShowReport.Figures;
import io.shotplan.reporting.ShowReport.GenerationLine;
import io.shotplan.reporting.ShowReport.Schedule;
import io.shotplan.reporting.export.ReportTable.Column;
import io.shotplan.reporting.export.ReportTable.Kind;
import io.shotplan.reporting.export.ReportTable.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tables of a report, in the order every tabular form prints them: a summary section, then one per episode.
 * Total rows are the breakdown's figures, which are the sums of the lines above them.
 */
public final class ReportTables {

    public static final String SUMMARY = "SUMMARY";
    public static final String FIGURES = "Figures";
    public static final String EPISODES = "Episodes";
    public static final String BY_MODE = "Cost by mode";
    public static final String BY_DISCIPLINE = "Cost by discipline";
    public static final String MODES = "Shots and savings by mode";
    public static final String BY_SOURCE = "Actuals by ledger source";
    public static final String SCHEDULE = "Schedule";
    public static final String DRIVERS = "Variance drivers";
    public static final String BURN = "Burn (cumulative)";
    public static final String GEN_BY_MODEL = "Generation by model";
    public static final String GEN_BY_DEVICE = "Generation by device type";
    public static final String GEN_BY_SHOT = "Generation by shot";
    public static final String CORRECTIONS = "Corrections (reversed rows and their reversals)";
    public static final String UTILISATION = "Utilisation per week";
    public static final String RATES_USED = "Exchange rates used";
    public static final String ORIGINALS = "Original amounts";
    public static final String TOTAL = "Total";

    private ReportTables() {
    }

    public static List<Section> of(ShowReport report) {
        List<Section> sections = new ArrayList<>();
        sections.add(summary(report));
        for (EpisodeReport episode : report.episodes()) {
            sections.add(episode(episode));
        }
        return sections;
    }

    public static Section summary(ShowReport report) {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(figures(report.total().figures()));
        tables.add(episodes(report));
        tables.addAll(breakdown(report.total()));
        tables.add(schedule(report.total().figures().schedule()));
        tables.add(utilisation(report));
        if (!report.ratesUsed().isEmpty()) {
            tables.add(ratesUsed(report));
        }
        if (!report.originals().isEmpty()) {
            tables.add(originals(report));
        }
        return new Section(SUMMARY, report.show().name() + " (" + report.show().code() + ")", tables);
    }

    public static Section episode(EpisodeReport e) {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(figures(e.figures()));
        tables.addAll(breakdown(e.breakdown()));
        tables.add(schedule(e.figures().schedule()));
        tables.add(drivers(e));
        tables.add(burn(e));
        tables.add(generation(GEN_BY_MODEL, "Model", e.generation().byModel(), Optional.of(e.generation().total())));
        tables.add(generation(GEN_BY_DEVICE, "Device type", e.generation().byDeviceType(),
                Optional.of(e.generation().total())));
        tables.add(generation(GEN_BY_SHOT, "Shot", e.generation().byShot(), Optional.empty()));
        tables.add(corrections(e));
        return new Section(e.code(), e.code() + (e.title().isBlank() ? "" : " - " + e.title()), tables);
    }

    /**
     * The rates the actuals were booked at: a rate is units of the currency per one unit of the show's currency, the
     * original amount is in that currency, the amount in the show's.
     */
    static ReportTable ratesUsed(ShowReport report) {
        List<List<Object>> rows = report.ratesUsed().stream().map(r -> Arrays.<Object>asList(r.currency(),
                r.rate().toPlainString(), r.firstDay(), r.lastDay(), r.rows(),
                r.originalAmount().toPlainString() + " " + r.currency(), r.amount())).toList();
        return new ReportTable(RATES_USED, columns("Currency", TEXT, "Rate per " + report.show().currency(), TEXT,
                "First day", DATE, "Last day", DATE, "Rows", COUNT, "Original amount", TEXT, "Amount", MONEY), rows);
    }

    /**
     * Actuals booked from other currencies per episode and currency, asked for: the original amount in its currency
     * (text, as a money column would take the show's format) beside the amount in the show's.
     */
    static ReportTable originals(ShowReport report) {
        List<List<Object>> rows = report.originals().stream().map(o -> Arrays.<Object>asList(
                o.episode().isEmpty() ? "(no shot)" : o.episode(), o.currency(), o.rows(),
                o.originalAmount().toPlainString() + " " + o.currency(), o.amount())).toList();
        return new ReportTable(ORIGINALS, columns("Episode", TEXT, "Currency", TEXT, "Rows", COUNT,
                "Original amount", TEXT, "Amount in " + report.show().currency(), MONEY), rows);
    }

    /** One value column per kind, so each column's format is uniform in every form. */
    static ReportTable figures(Figures f) {
        List<List<Object>> rows = List.of(
                Arrays.asList("Budget", f.budget(), null, null, null),
                Arrays.asList("Contingency", f.contingency(), null, null, null),
                Arrays.asList("Baseline cost", f.baselineCost(), null, null, null),
                Arrays.asList("Current plan cost", f.plannedCost(), null, null, null),
                Arrays.asList("Actuals to date", f.actualCost(), null, null, null),
                Arrays.asList("Remaining plan", f.remainingCost(), null, null, null),
                Arrays.asList("Estimate at completion (EAC)", f.eac(), null, null, null),
                Arrays.asList("Variance to budget", f.varianceToBudget(), null, null, null),
                Arrays.asList("Variance to budget with contingency", f.varianceToBudgetWithContingency(), null, null,
                        null),
                Arrays.asList("Variance to baseline", orNoBaseline(f.varianceToBaseline()), null, null, null),
                Arrays.asList("All-traditional cost", f.traditionalCost(), null, null, null),
                Arrays.asList("Savings vs all-traditional", f.savings(), null, null, null),
                Arrays.asList("Shots", null, f.shots(), null, null),
                Arrays.asList("AI shots", null, f.aiShots(), null, null),
                Arrays.asList("AI share of shots", null, null, f.aiShareOfShots(), null),
                Arrays.asList("AI share of cost", null, null, f.aiShareOfCost(), null),
                Arrays.asList("Planned artist-days", null, null, null, f.plannedArtistDays()),
                Arrays.asList("Actual artist-days", null, null, null, f.actualArtistDays()));
        return new ReportTable(FIGURES, columns("Figure", TEXT, "Amount", MONEY, "Count", COUNT, "Share", RATIO,
                "Days", QUANTITY), rows);
    }

    static ReportTable episodes(ShowReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (EpisodeReport e : report.episodes()) {
            Figures f = e.figures();
            rows.add(row(e.code(), f.budget(), f.baselineCost(), f.plannedCost(), f.actualCost(), f.remainingCost(),
                    f.eac(), f.varianceToBudget(), orNoBaseline(f.varianceToBaseline()), f.savings(), f.shots(), f.aiShots(),
                    f.schedule().atRisk() ? "yes" : "no"));
        }
        CostLine u = report.unallocated();
        if (u.actualCost().signum() != 0 || u.remainingCost().signum() != 0) {
            rows.add(row(u.label(), zero(u), u.baselineCost(), u.plannedCost(), u.actualCost(), u.remainingCost(),
                    u.eac(), u.eac().negate(), orNoBaseline(u.varianceToBaseline()), zero(u), 0L, 0L, ""));
        }
        Figures t = report.total().figures();
        rows.add(row(TOTAL, t.budget(), t.baselineCost(), t.plannedCost(), t.actualCost(), t.remainingCost(), t.eac(),
                t.varianceToBudget(), orNoBaseline(t.varianceToBaseline()), t.savings(), t.shots(), t.aiShots(),
                String.valueOf(t.schedule().episodesAtRisk())));
        return new ReportTable(EPISODES, columns("Episode", TEXT, "Budget", MONEY, "Baseline", MONEY, "Planned", MONEY,
                "Actual", MONEY, "Remaining", MONEY, "EAC", MONEY, "Var. budget", MONEY, "Var. baseline", MONEY,
                "Savings", MONEY, "Shots", COUNT, "AI shots", COUNT, "At risk", TEXT), rows);
    }

    static List<ReportTable> breakdown(Breakdown b) {
        Figures f = b.figures();
        List<Object> total = row(TOTAL, f.baselineCost(), f.plannedCost(), f.actualCost(), f.remainingCost(), f.eac(),
                orNoBaseline(f.varianceToBaseline()), f.plannedArtistDays(), f.actualArtistDays());
        List<List<Object>> byMode = new ArrayList<>(b.byMode().stream().map(ReportTables::costRow).toList());
        byMode.add(total);
        List<List<Object>> byDiscipline = new ArrayList<>(b.byDiscipline().stream().map(ReportTables::costRow).toList());
        byDiscipline.add(total);
        List<List<Object>> modes = new ArrayList<>(b.modes().stream()
                .map(m -> row(m.mode(), m.shots(), m.plannedCost(), m.traditionalCost(), m.savings(),
                        m.plannedGpuHours()))
                .toList());
        modes.add(row(TOTAL, f.shots(), f.plannedCost(), f.traditionalCost(), f.savings(),
                b.modes().stream().map(ShowReport.ModeLine::plannedGpuHours)
                        .reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add)));
        List<List<Object>> sources = new ArrayList<>(b.bySource().stream()
                .map(s -> row(s.source(), s.rows(), s.amount())).toList());
        sources.add(row(TOTAL, b.bySource().stream().mapToLong(ShowReport.SourceLine::rows).sum(), f.actualCost()));
        return List.of(
                new ReportTable(BY_MODE, costColumns("Mode"), byMode),
                new ReportTable(BY_DISCIPLINE, costColumns("Discipline"), byDiscipline),
                new ReportTable(MODES, columns("Mode", TEXT, "Shots", COUNT, "Planned", MONEY, "All-traditional", MONEY,
                        "Savings", MONEY, "Planned GPU hours", QUANTITY), modes),
                new ReportTable(BY_SOURCE, columns("Source", TEXT, "Rows", COUNT, "Amount", MONEY), sources));
    }

    static ReportTable schedule(Schedule s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("Delivery date", s.deliveryDate().orElse(null), null));
        rows.add(Arrays.asList("Baseline finish", s.baselineFinish().orElse(null), null));
        rows.add(Arrays.asList("Planned finish", s.plannedFinish().orElse(null), null));
        rows.add(Arrays.asList("Projected finish", s.projectedFinish().orElse(null), null));
        rows.add(Arrays.asList("Slip vs baseline (days)", null, s.slipDays()));
        rows.add(Arrays.asList("Slack to delivery (days)", null, s.slackDays()));
        rows.add(Arrays.asList("Late shots", null, s.lateShots()));
        rows.add(Arrays.asList("Slipped shots", null, s.slippedShots()));
        rows.add(Arrays.asList("Episodes at risk", null, s.episodesAtRisk()));
        return new ReportTable(SCHEDULE, columns("Schedule", TEXT, "Date", DATE, "Days / count", COUNT), rows);
    }

    static ReportTable drivers(EpisodeReport e) {
        return new ReportTable(DRIVERS, columns("Shot", TEXT, "Status", TEXT, "Baseline mode", TEXT, "Mode", TEXT,
                "Baseline", MONEY, "Planned", MONEY, "Actual", MONEY, "EAC", MONEY, "Var. baseline", MONEY,
                "Baseline end", DATE, "Planned end", DATE, "Slip days", COUNT),
                e.drivers().stream().map(d -> Arrays.<Object>asList(d.shot(), d.status(), d.baselineMode(),
                        d.currentMode(), d.baselineCost(), d.plannedCost(), d.actualCost(), d.eac(),
                        orNoBaseline(d.varianceToBaseline()), d.baselineEnd().orElse(null), d.plannedEnd().orElse(null),
                        d.slipDays())).toList());
    }

    static ReportTable burn(EpisodeReport e) {
        return new ReportTable(BURN, columns("Week", TEXT, "Week of", DATE, "Baseline", MONEY, "Planned", MONEY,
                "Actual", MONEY),
                e.burn().stream().map(b -> row("W" + b.weekStart(), b.weekStart(), b.baseline(), b.planned(),
                        b.actual())).toList());
    }

    static ReportTable generation(String title, String keyName, List<GenerationLine> lines,
                                  Optional<GenerationLine> total) {
        List<List<Object>> rows = new ArrayList<>(lines.stream().map(ReportTables::generationRow).toList());
        total.filter(t -> !lines.isEmpty()).ifPresent(t -> {
            List<Object> row = new ArrayList<>(generationRow(t));
            row.set(0, TOTAL);
            rows.add(row);
        });
        return new ReportTable(title, columns(keyName, TEXT, "Shots", COUNT, "Device seconds", QUANTITY,
                "GPU hours", QUANTITY, "Planned GPU hours", QUANTITY, "Cost", MONEY, "Cost per shot", MONEY), rows);
    }

    static ReportTable corrections(EpisodeReport e) {
        return new ReportTable(CORRECTIONS, columns("Row", TEXT, "Date", DATE, "Source", TEXT, "Shot", TEXT,
                "Discipline", TEXT, "Amount", MONEY, "Reference", TEXT, "Reverses", TEXT),
                e.corrections().stream().map(c -> row("#" + c.id(), c.occurredOn(), c.source(), c.shot(),
                        c.discipline(), c.amount(), c.reference(),
                        c.reversesId().map(id -> "#" + id).orElse(""))).toList());
    }

    static ReportTable utilisation(ShowReport report) {
        return new ReportTable(UTILISATION, columns("Resource", TEXT, "Week of", DATE, "Kind", TEXT,
                "Capacity", QUANTITY, "Planned", QUANTITY, "Actual", QUANTITY, "Planned use", RATIO,
                "Actual use", RATIO),
                report.utilisation().stream().map(u -> row(u.resource() + " " + u.weekStart(), u.weekStart(), u.kind(),
                        u.capacity(),
                        u.planned(), u.actual(), u.plannedUtilisation(), u.actualUtilisation())).toList());
    }

    private static List<Object> costRow(CostLine l) {
        return row(l.label(), l.baselineCost(), l.plannedCost(), l.actualCost(), l.remainingCost(), l.eac(),
                orNoBaseline(l.varianceToBaseline()), l.plannedArtistDays(), l.actualArtistDays());
    }

    private static Object orNoBaseline(Optional<java.math.BigDecimal> variance) {
        return variance.<Object>map(v -> v).orElse(ReportTable.NoFigure.NO_BASELINE);
    }

    private static List<Object> generationRow(GenerationLine g) {
        return row(g.key(), g.shots(), g.deviceSeconds(), g.actualGpuHours(), g.plannedGpuHours(), g.cost(),
                g.costPerShot());
    }

    private static List<Column> costColumns(String key) {
        return columns(key, TEXT, "Baseline", MONEY, "Planned", MONEY, "Actual", MONEY, "Remaining", MONEY,
                "EAC", MONEY, "Var. baseline", MONEY, "Planned artist-days", QUANTITY, "Actual artist-days", QUANTITY);
    }

    private static java.math.BigDecimal zero(CostLine like) {
        return like.actualCost().subtract(like.actualCost());
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<Column> columns(Object... nameKind) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < nameKind.length; i += 2) {
            columns.add(new Column((String) nameKind[i], (Kind) nameKind[i + 1]));
        }
        return columns;
    }
}
