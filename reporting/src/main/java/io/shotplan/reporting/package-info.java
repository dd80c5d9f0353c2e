/**
 * Planned against actual for a show and its episodes.
 *
 * <p>{@link io.shotplan.reporting.ShowReportQuery} builds a {@link io.shotplan.reporting.ShowReport} from the
 * database: the sums run in SQL (jOOQ, on H2 and PostgreSQL alike, in one transaction), each exact sum is rounded once
 * (half-even, {@link io.shotplan.reporting.Rounding}) and the rounded cells are footed into lines and totals, so every
 * table adds up to the cent. {@link io.shotplan.reporting.export} writes the report as JSON, CSV, XLSX and PDF.
 */
package io.shotplan.reporting;
