/**
 * The forms a {@link io.shotplan.reporting.ShowReport} is written in: {@link io.shotplan.reporting.export.ReportFormat}
 * names them and gives each its {@link io.shotplan.reporting.export.ReportWriter}. CSV, XLSX and PDF print the same
 * {@link io.shotplan.reporting.export.ReportTables}; JSON is the report's records as they are.
 */
package io.shotplan.reporting.export;
