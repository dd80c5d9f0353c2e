package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP_PERIOD;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.SEQUENCE;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOT_DEPENDENCY;
import static io.shotplan.sql.schema.Tables.SHOT_ESTIMATE_OVERRIDE;
import static org.jooq.impl.DSL.coalesce;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.show.ReplaceRefusedException;
import io.shotplan.app.show.ShowReplacement;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import io.shotplan.show.io.Actual;
import io.shotplan.show.io.ActualsContext;
import io.shotplan.show.io.ActualsCsvReader;
import io.shotplan.show.io.EdlOptions;
import io.shotplan.show.io.Editorial;
import io.shotplan.show.io.EstimatesCsvReader;
import io.shotplan.show.io.ExchangeRateLine;
import io.shotplan.show.io.ExchangeRatesCsvReader;
import io.shotplan.show.io.ImportLimits;
import io.shotplan.show.io.ImportProblems;
import io.shotplan.show.io.Problem;
import io.shotplan.show.io.ShotListContext;
import io.shotplan.show.io.ShotListCsvReader;
import io.shotplan.show.io.ShotListCsvWriter;
import io.shotplan.show.io.ShowFolderReader;
import io.shotplan.show.io.ShowFolderWriter;
import io.shotplan.show.io.Source;
import io.shotplan.sql.TableStatistics;
import io.shotplan.sql.ledger.LedgerEntry;
import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.ledger.LedgerSource;
import io.shotplan.sql.money.ExchangeRate;
import io.shotplan.sql.money.ExchangeRateRepository;
import io.shotplan.sql.money.MissingExchangeRateException;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Service;

/**
 * Brings what producers already have into shotplan: a show folder, a tracker's shot list, an editorial EDL,
 * supervisors' hand bids and actual costs. Each import reads and checks the whole file first and reports every problem as one
 * {@link ImportProblems}; only a file without problems is written, in one transaction, so the database is
 * either as before or has the whole file. The audit entry (who, what was added, counts and sums) is written in that
 * same transaction: an import and its entry land together or not at all. The REST endpoints and the
 * {@code shotplan import} command both call this; on the command line the actor is the OS user.
 */
@Service
public class ImportService {

    /**
     * The tables whose rows grow with a show's shots: after an import fills them, their planner statistics are
     * gathered at once ({@link TableStatistics}), as the next pages and reports read them right away.
     */
    private static final Table<?>[] SHOW_SIZED = {SHOT, SEQUENCE, EPISODE, SHOT_DEPENDENCY,
            SHOT_ESTIMATE_OVERRIDE};

    private final DSLContext dsl;
    private final ImportLimits limits;
    private final AuditLog audit;

    public ImportService(DSLContext dsl, ImportLimits limits, AuditLog audit) {
        this.dsl = dsl;
        this.limits = limits;
        this.audit = audit;
    }

    /**
     * A show folder ({@code show.yaml} and its shot list) as a new show; with {@code replace}, a stored show of the same
     * code is replaced in place (see {@link ShowRepository#replace}): its plans, jobs and ledger are kept.
     */
    public ImportResult importShow(Path folder, boolean replace) {
        Show show = new ShowFolderReader(limits).read(folder);
        return saveShow(show, folder.toString(), replace);
    }

    /** A show file and the files it names (an upload): {@code siblings} finds the shot list by its name. */
    public ImportResult importShow(Source showFile, Function<String, Optional<Source>> siblings, boolean replace) {
        Show show = new ShowFolderReader(limits).read(showFile, siblings);
        return saveShow(show, showFile.name(), replace);
    }

    /**
     * A new show, or a replace of a stored one with its audit entry (who, what changed, what was kept and replaced),
     * in one transaction. A replace that would lose costs or history is refused with every reason, changing nothing.
     */
    private ImportResult saveShow(Show show, String file, boolean replace) {
        ImportResult saved = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            ShowRepository shows = new ShowRepository(db);
            Optional<Long> existing = shows.findId(show.code());
            List<String> codes = show.shots().stream().map(Shot::code).toList();
            if (existing.isEmpty()) {
                shows.save(show);
                ImportResult result = new ImportResult(ImportResult.Kind.SHOW, show.code(), file, codes, 0, 0, false);
                audit.record(db, "IMPORT", "show", show.code(), result.summary() + " " + show.episodes().size()
                        + " episodes, budget " + plain(show.episodes().stream().map(e -> e.budget() == null
                        ? BigDecimal.ZERO : e.budget()).reduce(BigDecimal.ZERO, BigDecimal::add)) + " "
                        + show.currency() + "; " + frames(show.shots()));
                return result;
            }
            if (!replace) {
                throw ImportProblems.of(Problem.ofFile(file, "show " + show.code() + " already exists; import with"
                        + " --replace (replace=true) to replace its settings and shot list: its plans, generation jobs"
                        + " and cost ledger are kept, and its shots that the file does not name become OMITTED"));
            }
            ShowReplacement replacement;
            try {
                replacement = shows.replace(db, existing.get(), show);
            } catch (ReplaceRefusedException e) {
                throw new ImportProblems(e.reasons().stream()
                        .map(reason -> Problem.ofFile(file, "show " + show.code() + " cannot be replaced: " + reason))
                        .toList());
            }
            audit.record(db, "REPLACE", "show", show.code(), replacement.summary() + " From " + file + ".");
            return new ImportResult(ImportResult.Kind.SHOW, show.code(), file, codes, 0, 0, true);
        });
        TableStatistics.refresh(dsl, SHOW_SIZED);
        return saved;
    }

    /**
     * New shots from a shot list CSV into a stored show. They may depend on the show's shots; their codes must be new.
     *
     * @param defaultEpisode the episode of rows that name none (a tracker export without an episode column); may be null
     */
    public ImportResult importShots(String showCode, Source csv, String defaultEpisode) {
        ShowRepository shows = new ShowRepository(dsl);
        Show show = shows.load(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        ShotListContext context = ShotListContext.of(show);
        if (defaultEpisode != null) {
            context = context.withDefaultEpisode(defaultEpisode);
        }
        List<Shot> shots = new ShotListCsvReader(limits).read(csv, context);
        return addShots(shows, showCode, csv.name(), shots, ImportResult.Kind.SHOTS);
    }

    /** New shots from an editorial timeline (a CMX 3600 EDL or an OpenTimelineIO {@code .otio}) into an episode of a stored show. */
    public ImportResult importEdl(String showCode, Source edl, EdlOptions options) {
        ShowRepository shows = new ShowRepository(dsl);
        Show show = shows.load(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        List<Shot> shots = Editorial.read(edl, options, ShotListContext.of(show), limits);
        return addShots(shows, showCode, edl.name(), shots, ImportResult.Kind.EDL);
    }

    private ImportResult addShots(ShowRepository shows, String showCode, String file, List<Shot> shots, ImportResult.Kind kind) {
        if (shots.isEmpty()) {
            throw ImportProblems.of(Problem.ofFile(file, "has no shots to add"));
        }
        long showId = shows.findId(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        ImportResult result = new ImportResult(kind, showCode, file, shots.stream().map(Shot::code).toList(), 0, 0, false);
        dsl.transaction(tx -> {
            new ShowRepository(tx.dsl()).addShots(showId, shots);
            audit.record(tx.dsl(), "IMPORT", "show", showCode, result.summary() + " " + frames(shots));
        });
        TableStatistics.refresh(dsl, SHOW_SIZED);
        return result;
    }

    private static String frames(List<Shot> shots) {
        return shots.stream().mapToLong(Shot::frameCount).sum() + " frames.";
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /**
     * Supervisors' hand bids ({@code estimates.csv}, a bid sheet CSV, or either as an Excel {@code .xlsx}) for shots
     * of a stored show: each shot the file names gets exactly
     * the file's bids, replacing its earlier ones; the other shots keep theirs.
     */
    public ImportResult importEstimates(String showCode, Source csv) {
        ShowRepository shows = new ShowRepository(dsl);
        Show show = shows.load(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        Source table = BidSheet.isXlsx(csv.name()) ? BidSheet.asCsv(csv, limits) : csv;
        Map<String, List<EstimateOverride>> bids = new EstimatesCsvReader(limits).read(table, show);
        if (bids.isEmpty()) {
            throw ImportProblems.of(Problem.ofFile(csv.name(), "has no bids"));
        }
        long showId = shows.findId(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        ImportResult result = new ImportResult(ImportResult.Kind.ESTIMATES, showCode, csv.name(), List.copyOf(bids.keySet()),
                0, 0, false);
        dsl.transaction(tx -> {
            new ShowRepository(tx.dsl()).replaceEstimateOverrides(showId, bids);
            audit.record(tx.dsl(), "IMPORT", "show", showCode, result.summary() + " "
                    + bids.values().stream().mapToInt(List::size).sum() + " bids.");
        });
        return result;
    }

    /**
     * Actual costs (timesheets, vendor invoices, an AI vendor's usage report) appended to the show's cost ledger.
     * A line an earlier import recorded (same kind, reference, shot and discipline) is skipped, so importing the
     * same file twice records it once; the same line with another amount is a problem: correct it with a reversal.
     * A line in another currency than the show's is booked at the exchange rate in force on its date; a line with
     * none is a problem, and nothing of the file is booked.
     */
    public ImportResult importActuals(String showCode, Source csv) {
        ShowRepository shows = new ShowRepository(dsl);
        Show show = shows.load(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        List<Actual> actuals = new ActualsCsvReader(limits).read(csv, ActualsContext.of(show));
        if (actuals.isEmpty()) {
            throw ImportProblems.of(Problem.ofFile(csv.name(), "has no cost lines"));
        }
        ImportResult booked = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            ShowRepository inTx = new ShowRepository(db);
            long showId = inTx.findId(showCode).orElseThrow(() -> new UnknownShowException(showCode));
            Map<String, Long> shotIds = inTx.shotIds(showId);
            Map<String, Long> disciplineIds = inTx.disciplineIds(showId);
            LedgerRepository ledger = new LedgerRepository(db);
            List<Problem> problems = new ArrayList<>();
            int added = 0;
            int skipped = 0;
            Map<String, BigDecimal> amountAdded = new TreeMap<>();
            for (Actual actual : actuals) {
                LedgerEntry entry = new LedgerEntry(showId, actual.shotCode().map(shotIds::get).orElse(null),
                        source(actual.kind()), actual.amount(), actual.currency(), BigDecimal.ZERO, actual.artistDays(),
                        actual.disciplineCode().map(disciplineIds::get).orElse(null), null,
                        actual.kind() == Actual.Kind.AI_VENDOR ? actual.vendor() : null, null, actual.date(),
                        actual.reference(), null, idempotencyKey(showCode, actual));
                try {
                    if (ledger.append(entry).isPresent()) {
                        added++;
                        amountAdded.merge(actual.currency(), actual.amount(), BigDecimal::add);
                        continue;
                    }
                } catch (MissingExchangeRateException e) {
                    problems.add(new Problem(csv.name(), actual.line(), 0, "currency", e.getMessage()));
                    continue;
                }
                skipped++;
                BigDecimal recorded = db.select(coalesce(COST_LEDGER.ORIGINAL_AMOUNT, COST_LEDGER.AMOUNT))
                        .from(COST_LEDGER).where(COST_LEDGER.IDEMPOTENCY_KEY.eq(entry.idempotencyKey()))
                        .fetchSingle().value1();
                if (recorded.compareTo(actual.amount()) != 0) {
                    problems.add(new Problem(csv.name(), actual.line(), 0, "reference", "reference " + actual.reference()
                            + " was recorded before with amount " + recorded.stripTrailingZeros().toPlainString()
                            + "; this file says " + actual.amount().stripTrailingZeros().toPlainString()
                            + ". A recorded cost is not changed by importing it again: enter a correction instead"));
                }
            }
            if (!problems.isEmpty()) {
                throw new ImportProblems(problems); // rolls back the lines appended above
            }
            ImportResult result = new ImportResult(ImportResult.Kind.ACTUALS, showCode, csv.name(), List.of(), added,
                    skipped, false);
            audit.record(db, "IMPORT", "ledger", showCode, result.summary() + " Amount added: "
                    + (amountAdded.isEmpty() ? "0 " + show.currency() : amountAdded.entrySet().stream()
                            .map(a -> plain(a.getValue()) + " " + a.getKey()).collect(Collectors.joining(", ")))
                    + ".");
            return result;
        });
        TableStatistics.refresh(dsl, COST_LEDGER, COST_LEDGER_ROLLUP, COST_LEDGER_ROLLUP_PERIOD);
        return booked;
    }

    /**
     * Dated exchange rates of the show's other currencies, stored in one transaction with the audit entry that names
     * them: the ledger converts each cost booked from now on at the rate in force on its day. A file with any problem
     * stores nothing.
     */
    public ImportResult importExchangeRates(String showCode, Source csv) {
        Show show = new ShowRepository(dsl).load(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        List<ExchangeRateLine> lines = new ExchangeRatesCsvReader(limits).read(csv, show.currency());
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            long showId = new ShowRepository(db).findId(showCode).orElseThrow(() -> new UnknownShowException(showCode));
            int added = new ExchangeRateRepository(db).store(showId, lines.stream()
                            .map(l -> new ExchangeRate(l.currency(), l.effectiveFrom(), l.rate())).toList(),
                    csv.name(), AuditLog.currentActor());
            ImportResult result = new ImportResult(ImportResult.Kind.EXCHANGE_RATES, showCode, csv.name(), List.of(),
                    added, lines.size() - added, false);
            audit.record(db, "IMPORT", "exchange_rate", showCode, result.summary() + " Rates per " + show.currency()
                    + ": " + lines.stream().map(l -> l.currency() + " " + plain(l.rate()) + " from " + l.effectiveFrom())
                    .collect(Collectors.joining(", ")) + ".");
            return result;
        });
    }

    /** The show's shot list as CSV in shotplan's own columns: what {@link #importShots} reads back. */
    public void exportShots(String showCode, Writer out) throws IOException {
        Show show = new ShowRepository(dsl).load(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        new ShotListCsvWriter().write(show.shots(), out);
    }

    /**
     * The stored show as a show folder ({@code show.yaml}, {@code shots.csv} and, with hand bids, {@code estimates.csv})
     * that {@link #importShow} reads back.
     */
    public void exportShow(String showCode, Path folder) {
        Show show = new ShowRepository(dsl).load(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        new ShowFolderWriter().write(show, folder);
    }

    private static LedgerSource source(Actual.Kind kind) {
        return switch (kind) {
            case TIMESHEET -> LedgerSource.TIMESHEET;
            case INVOICE -> LedgerSource.INVOICE;
            case AI_VENDOR -> LedgerSource.AI_VENDOR;
        };
    }

    /** The ledger key of an actuals line: the show and a hash of the line's identity (kind, reference, shot, discipline). */
    static String idempotencyKey(String showCode, Actual actual) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(actual.identity().getBytes(StandardCharsets.UTF_8));
            return "actuals:" + showCode + ":" + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
