package io.shotplan.app.show;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * What replacing a stored show changed, and what it kept: written to the audit log with the replace.
 *
 * @param shotsOmitted         stored shots the file does not name, now OMITTED
 * @param omittedLedgerRows    ledger rows of those shots, kept
 * @param omittedLedgerAmount  what those rows sum to, kept
 * @param handBidsReplaced     hand-bid rows the show had, replaced by the file's
 * @param dependenciesReplaced shot dependencies the show had, replaced by the file's
 * @param ledgerRows           the show's ledger rows, all kept
 */
public record ShowReplacement(String show, int shotsAdded, int shotsUpdated, int shotsOmitted, int omittedLedgerRows,
                              BigDecimal omittedLedgerAmount, Set<String> episodesRemoved,
                              Set<String> disciplinesRemoved, Set<String> gpuPoolsRemoved, int handBidsReplaced,
                              int dependenciesReplaced, int plansKept, int ledgerRows, BigDecimal ledgerAmount,
                              String currency) {

    public ShowReplacement {
        episodesRemoved = Set.copyOf(episodesRemoved);
        disciplinesRemoved = Set.copyOf(disciplinesRemoved);
        gpuPoolsRemoved = Set.copyOf(gpuPoolsRemoved);
    }

    /** One paragraph for the audit log: changed, kept, replaced. */
    public String summary() {
        return "Replaced show %s in place: %d shots added, %d updated, %d omitted (kept with %d ledger rows, %s);"
                .formatted(show, shotsAdded, shotsUpdated, shotsOmitted, omittedLedgerRows, money(omittedLedgerAmount))
                + " kept %d plans and the whole ledger (%d rows, %s);".formatted(plansKept, ledgerRows, money(ledgerAmount))
                + " replaced %d hand-bid rows and %d dependencies with the file's;".formatted(handBidsReplaced,
                dependenciesReplaced)
                + " removed episodes %s, disciplines %s, GPU pools %s (none had shots, costs or jobs)."
                .formatted(names(episodesRemoved), names(disciplinesRemoved), names(gpuPoolsRemoved));
    }

    private String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + currency;
    }

    private static String names(Set<String> codes) {
        return codes.isEmpty() ? "none" : String.join(", ", codes.stream().sorted().toList());
    }
}
