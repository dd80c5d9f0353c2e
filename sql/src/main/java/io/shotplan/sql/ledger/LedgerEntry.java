package io.shotplan.sql.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the append-only cost ledger. Amounts are exact; a correction is a new row with {@code reversesId}
 * set and the opposite amount.
 *
 * @param idempotencyKey unique per real-world event (a generation job, an invoice line): appending it twice adds nothing
 */
public record LedgerEntry(
        long showId,
        Long shotId,
        LedgerSource source,
        BigDecimal amount,
        String currency,
        BigDecimal gpuSeconds,
        BigDecimal artistDays,
        Long disciplineId,
        Long gpuPoolId,
        String device,
        String model,
        LocalDate occurredOn,
        String reference,
        Long reversesId,
        String idempotencyKey) {

    public static LedgerEntry money(long showId, Long shotId, LedgerSource source, BigDecimal amount, String currency,
                                    LocalDate occurredOn, String reference, String idempotencyKey) {
        return new LedgerEntry(showId, shotId, source, amount, currency, BigDecimal.ZERO, BigDecimal.ZERO, null, null,
                null, null, occurredOn, reference, null, idempotencyKey);
    }
}
