package io.shotplan.reporting;

/** The show or episode a report was asked for does not exist; the message names it. */
public class ReportNotFoundException extends RuntimeException {

    public ReportNotFoundException(String message) {
        super(message);
    }
}
