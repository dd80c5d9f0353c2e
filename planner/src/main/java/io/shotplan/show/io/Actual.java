package io.shotplan.show.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of actual cost: a timesheet's artist-days, a vendor invoice line, or an external AI vendor's usage.
 *
 * @param shot       the shot's code; null for a cost of the show as a whole
 * @param discipline the discipline's code; null when the line names none (AI vendors, some invoices)
 * @param amount     in {@code currency}; for a timesheet without one, artist-days times the day rate in force that day
 * @param currency   the amount's currency: the show's unless the line names another
 * @param seconds    seconds of footage an AI vendor processed (zero for traditional work)
 * @param credits    credits an AI vendor charged (zero when it bills by the second)
 * @param reference  the invoice, timesheet or usage id: with kind, shot and discipline the line's identity,
 *                   so importing the file again adds nothing twice
 */
public record Actual(
        Kind kind,
        int line,
        String shot,
        String discipline,
        BigDecimal artistDays,
        BigDecimal amount,
        String currency,
        BigDecimal seconds,
        BigDecimal credits,
        String vendor,
        LocalDate date,
        String reference) {

    public enum Kind {
        TIMESHEET,
        INVOICE,
        AI_VENDOR
    }

    public Optional<String> shotCode() {
        return Optional.ofNullable(shot);
    }

    public Optional<String> disciplineCode() {
        return Optional.ofNullable(discipline);
    }

    /** What identifies the line across imports: kind, reference, shot and discipline. */
    public String identity() {
        return kind + "|" + reference + "|" + (shot == null ? "" : shot) + "|" + (discipline == null ? "" : discipline);
    }
}
