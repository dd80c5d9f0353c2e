package io.shotplan.reporting.export;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReport.CostLine;
import io.shotplan.reporting.ShowReport.EpisodeReport;
import io.shotplan.reporting.ShowReport.PlanRef;
import io.shotplan.reporting.export.ReportTable.Section;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * One PDF per episode for finance sign-off: a header (show, episode, currency, as-of, baseline and current plan), the
 * episode's tables, and two charts: cost by mode and by discipline (planned, actual, EAC), and planned against actual
 * burn over time (cumulative baseline, current plan, actuals per week). Long lists are cut at {@link #MAX_ROWS} rows
 * with a line saying how many more the XLSX and CSV hold.
 */
public final class PdfReportWriter implements ReportWriter {

    public static final int MAX_ROWS = 40;

    private static final int CHART_WIDTH = 380;
    private static final int CHART_HEIGHT = 210;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public List<Path> write(ShowReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (EpisodeReport episode : report.episodes()) {
            Path file = folder.resolve(ReportWriter.fileName(report, format(), episode.code()));
            try (OutputStream out = Files.newOutputStream(file)) {
                write(report, episode, out);
            }
            files.add(file);
        }
        return files;
    }

    /** The PDF of one episode of the report. */
    public void write(ShowReport report, EpisodeReport episode, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.show().name() + " " + episode.code() + " cost report as of " + report.show().asOf());
            info.setCreator("shotplan");
            PdfLayout layout = new PdfLayout(document);
            header(layout, report, episode);
            Section section = ReportTables.episode(episode);
            Map<String, ReportTable> tables = new java.util.LinkedHashMap<>();
            section.tables().forEach(t -> tables.put(t.title(), t));
            for (String title : List.of(ReportTables.FIGURES, ReportTables.BY_MODE, ReportTables.BY_DISCIPLINE,
                    ReportTables.MODES, ReportTables.BY_SOURCE, ReportTables.SCHEDULE, ReportTables.DRIVERS)) {
                layout.table(tables.get(title), MAX_ROWS);
            }
            layout.images(List.of(costChart("Cost by mode", episode.breakdown().byMode(), report),
                            costChart("Cost by discipline", episode.breakdown().byDiscipline(), report)),
                    CHART_WIDTH, CHART_HEIGHT);
            layout.images(List.of(burnChart(episode, report)), CHART_WIDTH * 2 + 10, CHART_HEIGHT);
            for (String title : List.of(ReportTables.GEN_BY_MODEL, ReportTables.GEN_BY_DEVICE, ReportTables.GEN_BY_SHOT,
                    ReportTables.CORRECTIONS, ReportTables.BURN)) {
                layout.table(tables.get(title), MAX_ROWS);
            }
            layout.close();
            document.save(out);
        }
    }

    private static void header(PdfLayout layout, ShowReport report, EpisodeReport episode) throws IOException {
        ShowReport.ShowInfo show = report.show();
        layout.title(show.name() + " (" + show.code() + ") - episode " + episode.code()
                + (episode.title().isBlank() ? "" : " " + episode.title()));
        layout.line("Cost report as of " + show.asOf() + ", amounts in " + show.currency()
                + ", contingency " + show.contingencyPercent().stripTrailingZeros().toPlainString() + "%, review buffer "
                + show.reviewBufferDays() + " days");
        layout.line("Baseline plan: " + show.baselinePlan().map(PdfReportWriter::describe).orElse("none locked")
                + "; current plan: " + show.currentPlan().map(PdfReportWriter::describe).orElse("none"));
        layout.gap();
    }

    private static String describe(PlanRef plan) {
        return "v" + plan.version() + plan.lockedAt().map(at -> " (locked " + at.toLocalDate() + ")").orElse("");
    }

    private static BufferedImage costChart(String title, List<CostLine> lines, ShowReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CostLine line : lines) {
            data.addValue(line.plannedCost(), "Planned", line.label());
            data.addValue(line.actualCost(), "Actual", line.label());
            data.addValue(line.eac(), "EAC", line.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, report.show().currency(), data,
                PlotOrientation.VERTICAL, true, false, false);
        ChartTypeface.apply(chart);
        lines.forEach(line -> chart.getCategoryPlot().getDomainAxis().setTickLabelFont(line.label(),
                ChartTypeface.forText(line.label(), ChartTypeface.LABEL_SIZE)));
        return chart.createBufferedImage(CHART_WIDTH * 2, CHART_HEIGHT * 2);
    }

    private static BufferedImage burnChart(EpisodeReport episode, ShowReport report) {
        TimeSeries baseline = new TimeSeries("Baseline (cumulative)");
        TimeSeries planned = new TimeSeries("Current plan (cumulative)");
        TimeSeries actual = new TimeSeries("Actual (cumulative)");
        for (ShowReport.BurnPoint point : episode.burn()) {
            Day day = new Day(point.weekStart().getDayOfMonth(), point.weekStart().getMonthValue(),
                    point.weekStart().getYear());
            baseline.addOrUpdate(day, point.baseline());
            planned.addOrUpdate(day, point.planned());
            if (!point.weekStart().isAfter(report.show().asOf())) {
                actual.addOrUpdate(day, point.actual());
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(baseline);
        data.addSeries(planned);
        data.addSeries(actual);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Planned vs actual burn", null,
                report.show().currency(), data, true, false, false);
        ChartTypeface.apply(chart);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        return chart.createBufferedImage((CHART_WIDTH * 2 + 10) * 2, CHART_HEIGHT * 2);
    }
}
