package io.shotplan.app.imports;

import java.util.List;

/**
 * What one import added, all in one transaction.
 *
 * @param kind                      which import ran
 * @param showCode                  the show it went into
 * @param file                      the file's name as given
 * @param shotsAdded                codes of the shots added, in file order (all of them for a show); for hand bids,
 *                                  the shots whose bids were replaced
 * @param ledgerRowsAdded           actuals rows appended to the cost ledger; for exchange rates, the rates new to
 *                                  the show
 * @param ledgerRowsAlreadyRecorded actuals rows skipped because an earlier import recorded them (same reference);
 *                                  for exchange rates, the rates of a currency and day that replaced a stored one
 * @param replaced                  a show of the same code was replaced, with everything under it
 */
public record ImportResult(Kind kind, String showCode, String file, List<String> shotsAdded, int ledgerRowsAdded,
                           int ledgerRowsAlreadyRecorded, boolean replaced) {

    public enum Kind {
        SHOW,
        SHOTS,
        EDL,
        ESTIMATES,
        ACTUALS,
        EXCHANGE_RATES
    }

    public ImportResult {
        shotsAdded = List.copyOf(shotsAdded);
    }

    /** One line for people: what was added where. */
    public String summary() {
        return switch (kind) {
            case SHOW -> (replaced ? "Replaced" : "Imported") + " show " + showCode + " from " + file + " with "
                    + shotsAdded.size() + " shots.";
            case SHOTS, EDL -> "Added " + shotsAdded.size() + " shots from " + file + " to show " + showCode + ".";
            case ESTIMATES -> "Set the hand-bid estimates of " + shotsAdded.size() + " shots of show " + showCode
                    + " from " + file + ".";
            case ACTUALS -> "Recorded " + ledgerRowsAdded + " cost lines from " + file + " for show " + showCode
                    + (ledgerRowsAlreadyRecorded > 0 ? "; " + ledgerRowsAlreadyRecorded
                    + " were already recorded by an earlier import and were skipped." : ".");
            case EXCHANGE_RATES -> "Stored " + (ledgerRowsAdded + ledgerRowsAlreadyRecorded) + " exchange rates from "
                    + file + " for show " + showCode + (ledgerRowsAlreadyRecorded > 0 ? "; " + ledgerRowsAlreadyRecorded
                    + " replaced a rate of the same currency and day (booked costs keep the rate they were booked at)."
                    : ".");
        };
    }
}
