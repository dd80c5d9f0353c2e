package io.shotplan.sql.ledger;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;

import io.shotplan.sql.schema.tables.records.CostLedgerRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The cost ledger: rows are appended, never updated or deleted. Appending is idempotent on the entry's key, so a
 * retried job or a re-imported file records its cost once.
 */
public final class LedgerRepository {

    private final DSLContext dsl;

    public LedgerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Appends the entry unless its idempotency key is already there; returns the id of the new row, if one was added. */
    public Optional<Long> append(LedgerEntry entry) {
        return dsl.insertInto(COST_LEDGER)
                .set(toRecord(entry))
                .onConflict(COST_LEDGER.IDEMPOTENCY_KEY).doNothing()
                .returningResult(COST_LEDGER.ID)
                .fetchOptional(COST_LEDGER.ID);
    }

    /** Appends the entry and fails if the key was already recorded: for callers that must know the row is new. */
    public long appendNew(LedgerEntry entry) {
        return dsl.insertInto(COST_LEDGER).set(toRecord(entry)).returningResult(COST_LEDGER.ID).fetchSingle(COST_LEDGER.ID);
    }

    /** Appends a reversing row for an earlier one: same shot and discipline, the opposite amounts. */
    public long reverse(long ledgerId, String reason, String idempotencyKey) {
        CostLedgerRecord original = dsl.selectFrom(COST_LEDGER).where(COST_LEDGER.ID.eq(ledgerId)).fetchSingle();
        LedgerEntry reversal = new LedgerEntry(original.getShowId(), original.getShotId(), LedgerSource.REVERSAL,
                original.getAmount().negate(), original.getCurrency(), original.getGpuSeconds().negate(),
                original.getArtistDays().negate(), original.getDisciplineId(), original.getGpuPoolId(),
                original.getDevice(), original.getModel(), original.getOccurredOn(), reason, ledgerId, idempotencyKey);
        return appendNew(reversal);
    }

    public List<LedgerEntry> forShow(long showId) {
        return dsl.selectFrom(COST_LEDGER).where(COST_LEDGER.SHOW_ID.eq(showId)).orderBy(COST_LEDGER.ID)
                .fetch(LedgerRepository::toEntry);
    }

    private CostLedgerRecord toRecord(LedgerEntry e) {
        return dsl.newRecord(COST_LEDGER)
                .setShowId(e.showId()).setShotId(e.shotId()).setSource(e.source().name()).setAmount(e.amount())
                .setCurrency(e.currency()).setGpuSeconds(e.gpuSeconds()).setArtistDays(e.artistDays())
                .setDisciplineId(e.disciplineId()).setGpuPoolId(e.gpuPoolId()).setDevice(e.device())
                .setModel(e.model()).setOccurredOn(e.occurredOn()).setReference(e.reference())
                .setReversesId(e.reversesId()).setIdempotencyKey(e.idempotencyKey());
    }

    private static LedgerEntry toEntry(CostLedgerRecord r) {
        return new LedgerEntry(r.getShowId(), r.getShotId(), LedgerSource.valueOf(r.getSource()), r.getAmount(),
                r.getCurrency(), r.getGpuSeconds(), r.getArtistDays(), r.getDisciplineId(), r.getGpuPoolId(),
                r.getDevice(), r.getModel(), r.getOccurredOn(), r.getReference(), r.getReversesId(),
                r.getIdempotencyKey());
    }
}
