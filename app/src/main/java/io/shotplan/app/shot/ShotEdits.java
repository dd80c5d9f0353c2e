package io.shotplan.app.shot;

import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.SHOT;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.Show;
import io.shotplan.sql.schema.tables.records.ShotRecord;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The changes people make to the breakdown between plans: a supervisor pins a shot's mode, marks it human-only or
 * records performer consent; a producer sets an episode's budget. Each change and its audit entry commit together,
 * and the answer is read in the same transaction: read after the commit it needed a connection of its own, and under
 * load a busy pool turned a committed change into a 503, which a client would then send again.
 */
@Service
public class ShotEdits {

    /** The pinned mode that means "artists, not AI"; any other pin names one of the show's AI capabilities. */
    public static final String TRADITIONAL = "TRADITIONAL";

    private final DSLContext dsl;
    private final ShotQueries queries;
    private final AuditLog audit;

    public ShotEdits(DSLContext dsl, ShotQueries queries, AuditLog audit) {
        this.dsl = dsl;
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * Pins the shot to TRADITIONAL or one of the show's AI capabilities; {@code null} lets the planner choose. A pin
     * the eligibility rule refuses (the planner's own, {@link ShotEstimator#whyNot}) is refused with its reason.
     */
    public ShowView.ShotRow pin(String showCode, String shotCode, String mode) {
        long showId = queries.showId(showCode);
        return dsl.transactionResult(tx -> {
            var shot = shotRecord(tx.dsl(), showId, showCode, shotCode);
            if (mode != null) {
                whyNot(tx.dsl(), showId, shotCode, mode).ifPresent(why -> {
                    throw new IllegalArgumentException("shot " + shotCode + " cannot be pinned to " + mode + ": " + why);
                });
            }
            if (!Objects.equals(shot.getPinnedMode(), mode)) {
                String before = shot.getPinnedMode();
                shot.setPinnedMode(mode);
                shot.store();
                audit.record(tx.dsl(), "PIN", "shot", showCode + "/" + shotCode,
                        "pinned mode " + describe(before) + " -> " + describe(mode));
            }
            return queries.shot(showCode, shotCode);
        });
    }

    public ShowView.ShotRow humanOnly(String showCode, String shotCode, boolean humanOnly) {
        long showId = queries.showId(showCode);
        return dsl.transactionResult(tx -> {
            var shot = shotRecord(tx.dsl(), showId, showCode, shotCode);
            if (shot.getHumanOnly() != humanOnly) {
                shot.setHumanOnly(humanOnly);
                shot.store();
                audit.record(tx.dsl(), "ELIGIBILITY", "shot", showCode + "/" + shotCode, "human-only " + !humanOnly
                        + " -> " + humanOnly + dropPinIfIneligible(tx.dsl(), showId, shot));
            }
            return queries.shot(showCode, shotCode);
        });
    }

    public ShowView.ShotRow consent(String showCode, String shotCode, boolean consentOnFile) {
        long showId = queries.showId(showCode);
        return dsl.transactionResult(tx -> {
            var shot = shotRecord(tx.dsl(), showId, showCode, shotCode);
            if (shot.getConsentOnFile() != consentOnFile) {
                shot.setConsentOnFile(consentOnFile);
                shot.store();
                audit.record(tx.dsl(), "ELIGIBILITY", "shot", showCode + "/" + shotCode, "consent on file "
                        + !consentOnFile + " -> " + consentOnFile + dropPinIfIneligible(tx.dsl(), showId, shot));
            }
            return queries.shot(showCode, shotCode);
        });
    }

    public ShowView.EpisodeInfo budget(String showCode, String episodeCode, BigDecimal budget) {
        long showId = queries.showId(showCode);
        return dsl.transactionResult(tx -> {
            var episode = tx.dsl().selectFrom(EPISODE).where(EPISODE.SHOW_ID.eq(showId), EPISODE.CODE.eq(episodeCode))
                    .forUpdate().fetchOptional()
                    .orElseThrow(() -> new NotFoundException("episode", showCode + "/" + episodeCode));
            if (episode.getBudget().compareTo(budget) != 0) {
                BigDecimal before = episode.getBudget();
                episode.setBudget(budget);
                episode.store();
                audit.record(tx.dsl(), "BUDGET", "episode", showCode + "/" + episodeCode,
                        "budget " + before.stripTrailingZeros().toPlainString() + " -> " + budget.toPlainString());
            }
            return queries.episodes(showCode).stream().filter(e -> e.code().equals(episodeCode)).findFirst()
                    .orElseThrow();
        });
    }

    /** The eligibility rule's answer for a stored shot, as the shot and the show's policy stand in this transaction. */
    private static Optional<String> whyNot(DSLContext tx, long showId, String shotCode, String mode) {
        Show show = new ShowRepository(tx).load(showId);
        Shot shot = show.shots().stream().filter(s -> s.code().equals(shotCode)).findFirst().orElseThrow();
        return new ShotEstimator(show).whyNot(shot, mode);
    }

    /** After an eligibility edit: a pin the rule no longer allows is removed; says so for the audit entry. */
    private static String dropPinIfIneligible(DSLContext tx, long showId, ShotRecord shot) {
        String pinned = shot.getPinnedMode();
        if (pinned == null) {
            return "";
        }
        Optional<String> why = whyNot(tx, showId, shot.getCode(), pinned);
        if (why.isEmpty()) {
            return "";
        }
        shot.setPinnedMode(null);
        shot.store();
        return "; AI pin " + pinned + " removed (" + why.get() + ")";
    }

    private static ShotRecord shotRecord(DSLContext tx, long showId,
                                                                              String showCode, String shotCode) {
        return tx.selectFrom(SHOT).where(SHOT.SHOW_ID.eq(showId), SHOT.CODE.eq(shotCode)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("shot", showCode + "/" + shotCode));
    }

    private static String describe(String mode) {
        return mode == null ? "(none)" : mode;
    }
}
