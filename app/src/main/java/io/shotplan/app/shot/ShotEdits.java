package io.shotplan.app.shot;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.SHOT;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.web.NotFoundException;
import java.math.BigDecimal;
import java.util.Objects;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The changes people make to the breakdown between plans: a supervisor pins a shot's mode, marks it human-only or
 * records performer consent; a producer sets an episode's budget. Each change and its audit entry commit together.
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

    /** Pins the shot to TRADITIONAL or one of the show's AI capabilities; {@code null} lets the planner choose. */
    public ShowView.ShotRow pin(String showCode, String shotCode, String mode) {
        long showId = queries.showId(showCode);
        dsl.transaction(tx -> {
            var shot = shotRecord(tx.dsl(), showId, showCode, shotCode);
            if (mode != null && !mode.equals(TRADITIONAL)) {
                var capability = tx.dsl().selectFrom(AI_CAPABILITY)
                        .where(AI_CAPABILITY.SHOW_ID.eq(showId), AI_CAPABILITY.CODE.eq(mode)).fetchOptional()
                        .orElseThrow(() -> new IllegalArgumentException("mode '" + mode
                                + "' is neither TRADITIONAL nor an AI capability of show " + showCode));
                if (!capability.getWorkType().equals(shot.getWorkType())) {
                    throw new IllegalArgumentException("capability " + mode + " does " + capability.getWorkType()
                            + ", not the shot's work type " + shot.getWorkType());
                }
                if (shot.getHumanOnly()) {
                    throw new IllegalArgumentException("shot " + shotCode + " is human-only: it cannot be pinned to AI");
                }
                if (shot.getPerformerLikeness() && !shot.getConsentOnFile()) {
                    throw new IllegalArgumentException("shot " + shotCode
                            + " alters a performer's likeness without consent on file: it cannot be pinned to AI");
                }
            }
            if (!Objects.equals(shot.getPinnedMode(), mode)) {
                String before = shot.getPinnedMode();
                shot.setPinnedMode(mode);
                shot.store();
                audit.record(tx.dsl(), "PIN", "shot", showCode + "/" + shotCode,
                        "pinned mode " + describe(before) + " -> " + describe(mode));
            }
        });
        return queries.shot(showCode, shotCode);
    }

    public ShowView.ShotRow humanOnly(String showCode, String shotCode, boolean humanOnly) {
        long showId = queries.showId(showCode);
        dsl.transaction(tx -> {
            var shot = shotRecord(tx.dsl(), showId, showCode, shotCode);
            if (shot.getHumanOnly() != humanOnly) {
                shot.setHumanOnly(humanOnly);
                String pinned = shot.getPinnedMode();
                String detail = "human-only " + !humanOnly + " -> " + humanOnly;
                if (humanOnly && pinned != null && !pinned.equals(TRADITIONAL)) {
                    shot.setPinnedMode(null);
                    detail += "; AI pin " + pinned + " removed";
                }
                shot.store();
                audit.record(tx.dsl(), "ELIGIBILITY", "shot", showCode + "/" + shotCode, detail);
            }
        });
        return queries.shot(showCode, shotCode);
    }

    public ShowView.ShotRow consent(String showCode, String shotCode, boolean consentOnFile) {
        long showId = queries.showId(showCode);
        dsl.transaction(tx -> {
            var shot = shotRecord(tx.dsl(), showId, showCode, shotCode);
            if (shot.getConsentOnFile() != consentOnFile) {
                shot.setConsentOnFile(consentOnFile);
                String pinned = shot.getPinnedMode();
                String detail = "consent on file " + !consentOnFile + " -> " + consentOnFile;
                if (!consentOnFile && shot.getPerformerLikeness() && pinned != null && !pinned.equals(TRADITIONAL)) {
                    shot.setPinnedMode(null);
                    detail += "; AI pin " + pinned + " removed";
                }
                shot.store();
                audit.record(tx.dsl(), "ELIGIBILITY", "shot", showCode + "/" + shotCode, detail);
            }
        });
        return queries.shot(showCode, shotCode);
    }

    public ShowView.EpisodeInfo budget(String showCode, String episodeCode, BigDecimal budget) {
        long showId = queries.showId(showCode);
        dsl.transaction(tx -> {
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
        });
        return queries.episodes(showCode).stream().filter(e -> e.code().equals(episodeCode)).findFirst().orElseThrow();
    }

    private static io.shotplan.sql.schema.tables.records.ShotRecord shotRecord(DSLContext tx, long showId,
                                                                              String showCode, String shotCode) {
        return tx.selectFrom(SHOT).where(SHOT.SHOW_ID.eq(showId), SHOT.CODE.eq(shotCode)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("shot", showCode + "/" + shotCode));
    }

    private static String describe(String mode) {
        return mode == null ? "(none)" : mode;
    }
}
