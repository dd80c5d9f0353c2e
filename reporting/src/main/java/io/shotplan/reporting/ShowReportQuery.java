package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.reporting.ShowReport.Breakdown;
import io.shotplan.reporting.ShowReport.BurnPoint;
import io.shotplan.reporting.ShowReport.CostLine;
import io.shotplan.reporting.ShowReport.EpisodeReport;
import io.shotplan.reporting.ShowReport.Figures;
import io.shotplan.reporting.ShowReport.GenerationActuals;
import io.shotplan.reporting.ShowReport.GenerationLine;
import io.shotplan.reporting.ShowReport.LedgerLine;
import io.shotplan.reporting.ShowReport.ModeLine;
import io.shotplan.reporting.ShowReport.PlanRef;
import io.shotplan.reporting.ShowReport.Schedule;
import io.shotplan.reporting.ShowReport.ShowInfo;
import io.shotplan.reporting.ShowReport.SourceLine;
import io.shotplan.reporting.ShowReport.UtilisationWeek;
import io.shotplan.reporting.ShowReport.VarianceDriver;
import io.shotplan.sql.schema.tables.records.ShowRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;

/**
 * Builds a {@link ShowReport} from the database. The sums over shots, plan items and ledger rows run in SQL (see the
 * package's query classes); this class rounds each exact cell the database returns once and foots the rounded cells
 * into the report's lines and totals, so every table adds up to the cent.
 *
 * <pre>{@code
 * ShowReport report = new ShowReportQuery(dsl).build("SNOWFALL", Optional.empty(), ReportOptions.asOf(today));
 * }</pre>
 */
public final class ShowReportQuery {

    private static final List<String> MODE_ORDER = List.of("TRADITIONAL", "AI", "AI_VENDOR", ReportScope.UNPLANNED);
    private static final List<String> SOURCE_ORDER =
            List.of("TIMESHEET", "INVOICE", "GENERATION", "AI_VENDOR", "REVERSAL");
    private static final List<String> NON_DISCIPLINE_LINES =
            List.of(ReportScope.GPU, ReportScope.VENDOR, ReportScope.OTHER);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final String WORK_MEM = "64MB";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ShowReportQuery.class);

    private final DSLContext dsl;

    public ShowReportQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The report of a show, or of one of its episodes.
     *
     * @throws ReportNotFoundException when the show or the episode does not exist
     */
    public ShowReport build(String showCode, Optional<String> episodeCode, ReportOptions options) {
        ShowRecord show = dsl.selectFrom(SHOW).where(SHOW.CODE.eq(showCode)).fetchOptional()
                .orElseThrow(() -> new ReportNotFoundException("no show with code '" + showCode + "'"));
        return build(show, episodeCode, options);
    }

    /** The report of a show by id, or of one of its episodes. */
    public ShowReport build(long showId, Optional<String> episodeCode, ReportOptions options) {
        ShowRecord show = dsl.selectFrom(SHOW).where(SHOW.ID.eq(showId)).fetchOptional()
                .orElseThrow(() -> new ReportNotFoundException("no show with id " + showId));
        return build(show, episodeCode, options);
    }

    /**
     * Every query of one report runs in one transaction, so the figures come from one snapshot of the database
     * (repeatable read where the transaction is new) while the ledger keeps growing. On PostgreSQL the transaction turns
     * JIT compilation off (it costs more than it saves on sub-second queries) and gives sorts and hashes
     * {@value #WORK_MEM} of memory; where the report has a pool of connections of its own (not the caller's
     * transaction), the time-phased, correction, episode, baseline and actual cost queries run on a second
     * connection alongside the plan, driver and generation statements, in a transaction that imports the first one's
     * snapshot ({@code pg_export_snapshot}), so both see the same data.
     */
    private ShowReport build(ShowRecord show, Optional<String> episodeCode, ReportOptions options) {
        boolean postgres = dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES;
        boolean ownConnections = dsl.configuration().connectionProvider() instanceof DataSourceConnectionProvider;
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            boolean newTransaction = repeatableRead(tx);
            if (postgres) {
                tx.execute("SET LOCAL jit = off");
                tx.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
            }
            Sibling sibling = postgres && ownConnections && newTransaction
                    ? new SnapshotSibling(tx.fetchSingle("SELECT pg_export_snapshot()").get(0, String.class))
                    : new SameTransaction(tx);
            return new ShowReportQuery(tx).buildInTransaction(show, episodeCode, options, sibling);
        });
    }

    /** Whether the transaction could be made repeatable read (it is new), or runs at the caller's isolation. */
    private static boolean repeatableRead(DSLContext tx) {
        return tx.connectionResult(connection -> {
            try {
                connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
                return true;
            } catch (java.sql.SQLException alreadyRunning) {
                LOG.debug("report runs in the caller's transaction, at its isolation: {}", alreadyRunning.getMessage());
                return false;
            }
        });
    }

    /** Where the queries that do not depend on the cost statement run. */
    private interface Sibling {
        <T> CompletableFuture<T> run(Function<DSLContext, T> queries);
    }

    /** In the report's own transaction, one after the other (H2, or a caller's transaction). */
    private record SameTransaction(DSLContext tx) implements Sibling {
        @Override
        public <T> CompletableFuture<T> run(Function<DSLContext, T> queries) {
            return CompletableFuture.completedFuture(queries.apply(tx));
        }
    }

    /** On a second connection of the pool, in a transaction that imports the report's snapshot (PostgreSQL). */
    private final class SnapshotSibling implements Sibling {

        private final String snapshot;

        SnapshotSibling(String snapshot) {
            if (!snapshot.matches("[0-9A-Fa-f-]+")) {
                throw new IllegalStateException("unexpected snapshot id from pg_export_snapshot: " + snapshot);
            }
            this.snapshot = snapshot;
        }

        @Override
        public <T> CompletableFuture<T> run(Function<DSLContext, T> queries) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Thread.ofPlatform().name("report-sibling").daemon().start(() -> {
                try {
                    result.complete(dsl.transactionResult(trx -> {
                        DSLContext tx = trx.dsl();
                        tx.connection(c -> c.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ));
                        tx.execute("SET TRANSACTION SNAPSHOT " + DSL.inline(snapshot));
                        tx.execute("SET LOCAL jit = off");
                        tx.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
                        return queries.apply(tx);
                    }));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }
    }

    private ShowReport buildInTransaction(ShowRecord show, Optional<String> episodeCode, ReportOptions options,
                                          Sibling sibling) {
        Optional<Long> episodeId = episodeCode.map(code -> dsl.select(EPISODE.ID).from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(show.getId()).and(EPISODE.CODE.eq(code)))
                .fetchOptional(EPISODE.ID)
                .orElseThrow(() -> new ReportNotFoundException(
                        "show '" + show.getCode() + "' has no episode '" + code + "'")));
        Optional<PlanRef> baseline = Optional.ofNullable(show.getBaselinePlanId()).flatMap(id -> planRef(
                dsl.select(PLAN.ID, PLAN.VERSION, PLAN.LOCKED_AT).from(PLAN).where(PLAN.ID.eq(id)).fetchOptional()));
        Optional<PlanRef> current = planRef(dsl.select(PLAN.ID, PLAN.VERSION, PLAN.LOCKED_AT).from(PLAN)
                .where(PLAN.SHOW_ID.eq(show.getId())).and(PLAN.SCENARIO_ID.isNull())
                .orderBy(PLAN.VERSION.desc()).limit(1).fetchOptional());
        Rounding rounding = Rounding.forCurrency(show.getCurrency());
        ReportScope scope = new ReportScope(dsl, show.getId(), show.getCurrency().trim(),
                current.map(PlanRef::id).orElse(ReportScope.NO_PLAN),
                baseline.map(PlanRef::id).orElse(ReportScope.NO_PLAN), episodeId, options, rounding);
        return new Assembly(scope, show, baseline, current).report(sibling);
    }

    private static Optional<PlanRef> planRef(Optional<? extends Record3<Long, Integer, java.time.OffsetDateTime>> row) {
        return row.map(r -> new PlanRef(r.value1(), r.value2(), Optional.ofNullable(r.value3())));
    }

    /** One build: the queries' exact rows, rounded once, footed into the report. */
    private final class Assembly {

        private final ReportScope scope;
        private final ShowRecord show;
        private final Optional<PlanRef> baseline;
        private final Optional<PlanRef> current;
        private final Rounding rounding;
        private final Map<Long, DisciplineName> disciplines;

        Assembly(ReportScope scope, ShowRecord show, Optional<PlanRef> baseline, Optional<PlanRef> current) {
            this.scope = scope;
            this.show = show;
            this.baseline = baseline;
            this.current = current;
            this.rounding = scope.rounding();
            this.disciplines = dsl.select(DISCIPLINE.ID, DISCIPLINE.CODE, DISCIPLINE.NAME).from(DISCIPLINE)
                    .where(DISCIPLINE.SHOW_ID.eq(show.getId()))
                    .fetchMap(DISCIPLINE.ID, r -> new DisciplineName(r.value2(),
                            r.value3() == null ? r.value2() : r.value3()));
        }

        ShowReport report(Sibling sibling) {
            CompletableFuture<SiblingRows> siblingRows = sibling.run(tx -> {
                ReportScope there = scope.on(tx);
                EpisodeQueries episodeQueries = new EpisodeQueries(there);
                return new SiblingRows(timed("episodes", episodeQueries::episodes),
                        timed("modes", episodeQueries::modes),
                        timed("burn and load", new WeekQueries(there)::run),
                        timed("corrections", new LedgerQueries(there)::corrections),
                        timed("baseline", new CostQueries(there)::baseline),
                        timed("actuals", new CostQueries(there)::actuals));
            });
            CostQueries.Result costRows;
            List<GenerationQueries.GenerationRow> generationRows;
            List<LedgerQueries.RateRow> rateRows;
            List<LedgerQueries.OriginalRow> originalRows = List.of();
            try {
                costRows = timed("costs", () -> new CostQueries(scope).run(scope.options().driversPerEpisode()));
                generationRows = timed("generation", new GenerationQueries(scope)::generation);
                rateRows = timed("rates used", new LedgerQueries(scope)::ratesUsed);
                if (scope.options().originals()) {
                    originalRows = timed("original amounts", new LedgerQueries(scope)::originals);
                }
            } catch (RuntimeException e) {
                siblingRows.exceptionally(ignored -> null).join(); // its transaction must end before this one
                throw e;
            }
            SiblingRows rest = joined(siblingRows);
            List<Cell> cells = Stream.of(rest.actuals(), costRows.cells(), rest.baseline()).flatMap(List::stream)
                    .map(this::round).toList();
            List<EpisodeQueries.EpisodeRow> episodeRows = rest.episodes();
            List<RoundedMode> modes = rest.modes().stream()
                    .map(m -> new RoundedMode(m.episodeId(), m.mode(), m.shots(), rounding.money(m.traditionalCost()),
                            Rounding.quantity(m.plannedGpuHours())))
                    .toList();
            Map<Long, List<CostQueries.Driver>> drivers = costRows.drivers().stream()
                    .collect(Collectors.groupingBy(CostQueries.Driver::episodeId));
            WeekQueries.Result weekRows = rest.weeks();
            Map<Long, List<WeekQueries.BurnRow>> burn = weekRows.burn().stream()
                    .collect(Collectors.groupingBy(WeekQueries.BurnRow::episodeId));
            Map<Long, List<GenerationQueries.GenerationRow>> generation = generationRows.stream()
                    .filter(g -> g.episodeId() != null)
                    .collect(Collectors.groupingBy(GenerationQueries.GenerationRow::episodeId));
            Map<Long, List<LedgerQueries.Correction>> corrections = rest.corrections().stream()
                    .filter(c -> c.episodeId() != null)
                    .collect(Collectors.groupingBy(LedgerQueries.Correction::episodeId));

            List<EpisodeReport> episodes = episodeRows.stream().map(e -> {
                List<Cell> mine = cells.stream().filter(c -> Objects.equals(c.episodeId(), e.id())).toList();
                List<RoundedMode> myModes = modes.stream().filter(m -> m.episodeId() == e.id()).toList();
                BigDecimal budget = rounding.money(e.budget());
                BigDecimal contingency = rounding.money(
                        e.budget().multiply(show.getContingencyPercent()).divide(HUNDRED));
                Breakdown breakdown = breakdown(mine, myModes, budget, contingency, schedule(e));
                return new EpisodeReport(e.code(), e.title(), breakdown,
                        drivers.getOrDefault(e.id(), List.of()).stream().map(this::driver).toList(),
                        burn(burn.getOrDefault(e.id(), List.of()), breakdown.figures()),
                        generation(generation.getOrDefault(e.id(), List.of())),
                        corrections.getOrDefault(e.id(), List.of()).stream().map(this::ledgerLine).toList());
            }).toList();

            Breakdown total = breakdown(cells, modes,
                    sum(episodes.stream().map(e -> e.figures().budget())),
                    sum(episodes.stream().map(e -> e.figures().contingency())),
                    showSchedule(episodes.stream().map(e -> e.figures().schedule()).toList()));
            CostLine unallocated = foot("UNALLOCATED", "Ledger rows without a shot",
                    cells.stream().filter(c -> c.episodeId() == null).toList());
            ShowInfo info = new ShowInfo(show.getCode(), show.getName(), scope.currency(), scope.asOf(),
                    show.getContingencyPercent(), show.getReviewBufferDays(), baseline, current);
            return new ShowReport(info, total, episodes, unallocated, utilisation(weekRows.load()),
                    rateRows.stream().map(this::rateUsed).toList(), originalRows.stream().map(this::original).toList());
        }

        private Breakdown breakdown(List<Cell> cells, List<RoundedMode> modeRows, BigDecimal budget,
                                    BigDecimal contingency, Schedule schedule) {
            List<CostLine> byMode = grouped(cells, Cell::mode, MODE_ORDER, mode -> mode);
            List<String> lineOrder = Stream.concat(
                    disciplines.values().stream().map(DisciplineName::code).sorted(), NON_DISCIPLINE_LINES.stream()).toList();
            List<CostLine> byDiscipline = grouped(cells, Cell::line, lineOrder, this::lineLabel);
            CostLine all = foot("TOTAL", "Total", cells);

            Map<String, List<RoundedMode>> modesByName = modeRows.stream()
                    .collect(Collectors.groupingBy(RoundedMode::mode));
            List<ModeLine> modes = MODE_ORDER.stream().filter(modesByName::containsKey).map(mode -> {
                List<RoundedMode> rows = modesByName.get(mode);
                BigDecimal planned = byMode.stream().filter(l -> l.key().equals(mode)).findFirst()
                        .map(CostLine::plannedCost).orElse(rounding.zero());
                BigDecimal traditional = sum(rows.stream().map(RoundedMode::traditionalCost));
                return new ModeLine(mode, rows.stream().mapToLong(RoundedMode::shots).sum(), planned, traditional,
                        traditional.subtract(planned), sumQuantity(rows.stream().map(RoundedMode::plannedGpuHours)));
            }).toList();

            Map<String, List<Cell>> bySourceCells = cells.stream().filter(c -> c.source() != null)
                    .collect(Collectors.groupingBy(Cell::source));
            List<SourceLine> bySource = SOURCE_ORDER.stream().filter(bySourceCells::containsKey)
                    .map(source -> new SourceLine(source,
                            bySourceCells.get(source).stream().mapToLong(Cell::ledgerRows).sum(),
                            sum(bySourceCells.get(source).stream().map(Cell::actual))))
                    .toList();

            long shots = modes.stream().mapToLong(ModeLine::shots).sum();
            long aiShots = modes.stream().filter(m -> isAi(m.mode())).mapToLong(ModeLine::shots).sum();
            BigDecimal aiCost = sum(modes.stream().filter(m -> isAi(m.mode())).map(ModeLine::plannedCost));
            BigDecimal traditional = sum(modes.stream().map(ModeLine::traditionalCost));
            BigDecimal eac = all.eac();
            Figures figures = new Figures(budget, contingency, all.baselineCost(), all.plannedCost(),
                    all.actualCost(), all.remainingCost(), eac, budget.subtract(eac),
                    budget.add(contingency).subtract(eac), all.varianceToBaseline(),
                    shots, aiShots, Rounding.ratio(BigDecimal.valueOf(aiShots), BigDecimal.valueOf(shots)),
                    Rounding.ratio(aiCost, all.plannedCost()), all.plannedArtistDays(), all.actualArtistDays(),
                    traditional, traditional.subtract(all.plannedCost()), schedule);
            return new Breakdown(figures, byMode, byDiscipline, modes, bySource);
        }

        private List<CostLine> grouped(List<Cell> cells, Function<Cell, String> key, List<String> order,
                                       Function<String, String> label) {
            Map<String, List<Cell>> groups = cells.stream().collect(Collectors.groupingBy(key));
            return order.stream().filter(groups::containsKey)
                    .map(k -> foot(k, label.apply(k), groups.get(k)))
                    .filter(line -> !isEmpty(line))
                    .toList();
        }

        private CostLine foot(String key, String label, List<Cell> cells) {
            BigDecimal baselineCost = sum(cells.stream().map(Cell::baseline));
            BigDecimal actual = sum(cells.stream().map(Cell::actual));
            BigDecimal remaining = sum(cells.stream().map(Cell::remaining));
            BigDecimal eac = actual.add(remaining);
            return new CostLine(key, label, baselineCost, sum(cells.stream().map(Cell::planned)), actual, remaining,
                    eac, varianceToBaseline(baselineCost, eac), sumQuantity(cells.stream().map(Cell::plannedDays)),
                    sumQuantity(cells.stream().map(Cell::actualDays)));
        }

        /** Without a locked baseline there is nothing to vary from: absent, not a variance against zero. */
        private Optional<BigDecimal> varianceToBaseline(BigDecimal baselineCost, BigDecimal eac) {
            return baseline.map(locked -> baselineCost.subtract(eac));
        }

        private BigDecimal sum(Stream<BigDecimal> amounts) {
            return amounts.reduce(rounding.zero(), BigDecimal::add);
        }

        private String lineLabel(String line) {
            return switch (line) {
                case ReportScope.GPU -> "GPU compute";
                case ReportScope.VENDOR -> "AI vendor";
                case ReportScope.OTHER -> "Other (no discipline)";
                default -> disciplines.values().stream().filter(d -> d.code().equals(line)).findFirst()
                        .map(DisciplineName::name).orElse(line);
            };
        }

        private Cell round(CostQueries.Cell c) {
            String line = ReportScope.DISCIPLINE.equals(c.kind())
                    ? Optional.ofNullable(disciplines.get(c.disciplineId())).map(DisciplineName::code)
                            .orElse("discipline " + c.disciplineId())
                    : c.kind();
            return new Cell(c.episodeId(), c.mode(), line, c.source(), rounding.money(c.baselineCost()),
                    rounding.money(c.plannedCost()), Rounding.quantity(c.plannedDays()), rounding.money(c.actualCost()),
                    Rounding.quantity(c.actualDays()), c.ledgerRows(), rounding.money(c.remainingCost()));
        }

        private Schedule schedule(EpisodeQueries.EpisodeRow e) {
            Optional<LocalDate> projected = e.plannedFinish().map(finish ->
                    e.lateShots() > 0 && scope.asOf().isAfter(finish) ? scope.asOf() : finish);
            long slip = e.plannedFinish().isPresent() && e.baselineFinish().isPresent()
                    ? ChronoUnit.DAYS.between(e.baselineFinish().get(), e.plannedFinish().get()) : 0;
            LocalDate ready = projected.orElse(scope.asOf()).plusDays(show.getReviewBufferDays());
            long slack = ChronoUnit.DAYS.between(ready, e.deliveryDate());
            return new Schedule(Optional.of(e.deliveryDate()), e.baselineFinish(), e.plannedFinish(), projected, slip,
                    slack, e.lateShots(), e.slippedShots(), slack < 0 ? 1 : 0);
        }

        private Schedule showSchedule(List<Schedule> episodes) {
            return new Schedule(
                    latest(episodes.stream().map(Schedule::deliveryDate)),
                    latest(episodes.stream().map(Schedule::baselineFinish)),
                    latest(episodes.stream().map(Schedule::plannedFinish)),
                    latest(episodes.stream().map(Schedule::projectedFinish)),
                    episodes.stream().mapToLong(Schedule::slipDays).max().orElse(0),
                    episodes.stream().mapToLong(Schedule::slackDays).min().orElse(0),
                    episodes.stream().mapToLong(Schedule::lateShots).sum(),
                    episodes.stream().mapToLong(Schedule::slippedShots).sum(),
                    episodes.stream().mapToLong(Schedule::episodesAtRisk).sum());
        }

        private VarianceDriver driver(CostQueries.Driver d) {
            BigDecimal baselineCost = rounding.money(d.baselineCost());
            BigDecimal actual = rounding.money(d.actualCost());
            BigDecimal eac = actual.add(rounding.money(d.remainingCost()));
            return new VarianceDriver(d.shot(), d.status(), Objects.requireNonNullElse(d.baselineMode(), ""),
                    Objects.requireNonNullElse(d.currentMode(), ""), baselineCost, rounding.money(d.plannedCost()),
                    actual, eac, varianceToBaseline(baselineCost, eac), d.baselineEnd(), d.plannedEnd(), d.slipDays());
        }

        /**
         * The cumulative series, each ending at the episode's figure. A figure is the sum of cube cells rounded one by
         * one, so it may differ by cents from the rounded exact sum the series ends at; each exact point is scaled by
         * figure ÷ exact total before its one rounding, so the last point is the figure and the series keeps its
         * shape (a point moves by less than a cent per million).
         */
        private List<BurnPoint> burn(List<WeekQueries.BurnRow> rows, Figures figures) {
            if (rows.isEmpty()) {
                return List.of();
            }
            WeekQueries.BurnRow last = rows.getLast();
            return rows.stream().map(b -> new BurnPoint(ReportScope.weekStart(b.week()),
                    endingAt(b.baseline(), last.baseline(), figures.baselineCost()),
                    endingAt(b.planned(), last.planned(), figures.plannedCost()),
                    endingAt(b.actual(), last.actual(), figures.actualCost()))).toList();
        }

        private BigDecimal endingAt(BigDecimal point, BigDecimal exactTotal, BigDecimal figure) {
            if (point == null || exactTotal == null || exactTotal.signum() == 0) {
                return rounding.money(point);
            }
            return rounding.money(point.multiply(figure).divide(exactTotal, java.math.MathContext.DECIMAL128));
        }

        private GenerationActuals generation(List<GenerationQueries.GenerationRow> rows) {
            List<GenerationLine> byShot = generationLines(rows, GenerationQueries.GenerationRow::shot).stream()
                    .sorted(Comparator.comparing(GenerationLine::cost).reversed()
                            .thenComparing(GenerationLine::key))
                    .toList();
            return new GenerationActuals(generationLine("TOTAL", rows),
                    generationLines(rows, GenerationQueries.GenerationRow::model),
                    generationLines(rows, GenerationQueries.GenerationRow::deviceType), byShot);
        }

        private List<GenerationLine> generationLines(List<GenerationQueries.GenerationRow> rows,
                                                     Function<GenerationQueries.GenerationRow, String> key) {
            Map<String, List<GenerationQueries.GenerationRow>> groups = rows.stream()
                    .collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.toList()));
            return groups.entrySet().stream().map(g -> generationLine(g.getKey(), g.getValue())).toList();
        }

        private GenerationLine generationLine(String key, List<GenerationQueries.GenerationRow> rows) {
            long shots = rows.stream().map(GenerationQueries.GenerationRow::shot).distinct().count();
            BigDecimal seconds = sumQuantity(rows.stream().map(r -> Rounding.quantity(r.deviceSeconds())));
            BigDecimal cost = sum(rows.stream().map(r -> rounding.money(r.cost())));
            return new GenerationLine(key, shots, seconds,
                    seconds.divide(SECONDS_PER_HOUR, Rounding.QUANTITY_SCALE, RoundingMode.HALF_EVEN),
                    sumQuantity(rows.stream().map(r -> Rounding.quantity(r.plannedGpuHours()))), cost,
                    shots == 0 ? rounding.zero()
                            : cost.divide(BigDecimal.valueOf(shots), rounding.moneyScale(), RoundingMode.HALF_EVEN));
        }

        private ShowReport.RateUsed rateUsed(LedgerQueries.RateRow r) {
            BigDecimal rate = r.rate().stripTrailingZeros();
            return new ShowReport.RateUsed(r.currency(), rate.scale() < 0 ? rate.setScale(0) : rate, r.firstDay(),
                    r.lastDay(),
                    r.rows(), Rounding.forCurrency(r.currency()).money(r.originalAmount()), rounding.money(r.amount()));
        }

        private ShowReport.OriginalAmount original(LedgerQueries.OriginalRow r) {
            return new ShowReport.OriginalAmount(r.episode() == null ? "" : r.episode(), r.currency(), r.rows(),
                    Rounding.forCurrency(r.currency()).money(r.originalAmount()), rounding.money(r.amount()));
        }

        private LedgerLine ledgerLine(LedgerQueries.Correction c) {
            return new LedgerLine(c.id(), c.occurredOn(), c.source(), c.shot(), c.discipline(),
                    rounding.money(c.amount()), c.reference(), c.reversesId());
        }

        private List<UtilisationWeek> utilisation(List<WeekQueries.LoadRow> rows) {
            Map<Long, String> pools = dsl.select(GPU_POOL.ID, GPU_POOL.CODE).from(GPU_POOL)
                    .where(GPU_POOL.SHOW_ID.eq(show.getId())).fetchMap(GPU_POOL.ID, GPU_POOL.CODE);
            return rows.stream().map(r -> {
                String resource = WeekQueries.CREW.equals(r.kind())
                        ? Optional.ofNullable(disciplines.get(r.resourceId())).map(DisciplineName::code).orElse("?")
                        : pools.getOrDefault(r.resourceId(), "?");
                BigDecimal capacity = Rounding.quantity(r.capacity());
                BigDecimal planned = Rounding.quantity(r.planned());
                BigDecimal actual = Rounding.quantity(r.actual());
                return new UtilisationWeek(ReportScope.weekStart(r.week()), r.kind(), resource, capacity, planned,
                        actual, Rounding.ratio(planned, capacity), Rounding.ratio(actual, capacity));
            }).toList();
        }
    }

    /** The sibling's rows; what it threw, as it threw it (not wrapped in a CompletionException). */
    private static <T> T joined(CompletableFuture<T> sibling) {
        try {
            return sibling.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static <T> T timed(String what, java.util.function.Supplier<T> query) {
        long start = System.nanoTime();
        T result = query.get();
        if (LOG.isDebugEnabled()) {
            LOG.debug("report query {}: {} ms", what, (System.nanoTime() - start) / 1_000_000);
        }
        return result;
    }

    private static boolean isAi(String mode) {
        return mode.equals("AI") || mode.equals("AI_VENDOR");
    }

    private static boolean isEmpty(CostLine line) {
        return Stream.of(line.baselineCost(), line.plannedCost(), line.actualCost(), line.remainingCost(),
                line.plannedArtistDays(), line.actualArtistDays()).allMatch(v -> v.signum() == 0);
    }

    private static BigDecimal sumQuantity(Stream<BigDecimal> quantities) {
        return quantities.reduce(BigDecimal.ZERO.setScale(Rounding.QUANTITY_SCALE), BigDecimal::add);
    }

    private static Optional<LocalDate> latest(Stream<Optional<LocalDate>> dates) {
        return dates.flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /** A cube cell after its one rounding; {@code line} is a discipline code or GPU / VENDOR / OTHER. */
    private record Cell(Long episodeId, String mode, String line, String source, BigDecimal baseline,
                        BigDecimal planned, BigDecimal plannedDays, BigDecimal actual, BigDecimal actualDays,
                        long ledgerRows, BigDecimal remaining) {
    }

    private record DisciplineName(String code, String name) {
    }

    /** What the sibling connection returns. */
    private record SiblingRows(List<EpisodeQueries.EpisodeRow> episodes, List<EpisodeQueries.ModeRow> modes,
                               WeekQueries.Result weeks, List<LedgerQueries.Correction> corrections,
                               List<CostQueries.Cell> baseline, List<CostQueries.Cell> actuals) {
    }

    private record RoundedMode(long episodeId, String mode, long shots, BigDecimal traditionalCost,
                               BigDecimal plannedGpuHours) {
    }
}
