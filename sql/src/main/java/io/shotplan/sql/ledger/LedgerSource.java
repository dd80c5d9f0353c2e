package io.shotplan.sql.ledger;

/** Where a cost came from. */
public enum LedgerSource {
    /** GPU time metered by our own generation workers. */
    GENERATION,
    /** Artist-days from timesheets. */
    TIMESHEET,
    /** A vendor's invoice line for traditional work. */
    INVOICE,
    /** An external AI vendor's usage report. */
    AI_VENDOR,
    /** A correction of an earlier row. */
    REVERSAL
}
