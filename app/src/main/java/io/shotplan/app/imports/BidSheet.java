package io.shotplan.app.imports;

import io.shotplan.show.AiCapability;
import io.shotplan.show.Discipline;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.ModeEstimate;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;
import io.shotplan.show.io.ImportLimits;
import io.shotplan.show.io.ImportProblems;
import io.shotplan.show.io.Problem;
import io.shotplan.show.io.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Hand bids as Excel: a supervisor's {@code .xlsx} read as the rows the estimates reader checks (either layout: the
 * columns of estimates.csv, or a bid sheet with a column per discipline), so problems name the sheet, row and column;
 * and the plan written as a bid sheet in that layout (a row per shot, a column per discipline in traditional
 * artist-days, the planned AI mode's GPU-hours or vendor quote), which a supervisor edits and imports back.
 */
public final class BidSheet {

    /** The sheet read: the one named so, else the first. */
    public static final String SHEET = "Bids";
    /** The estimator's scale: an unedited cell reads back as the very estimate it shows. */
    private static final int SCALE = 4;

    private BidSheet() {
    }

    public static boolean isXlsx(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * The sheet as CSV text, a line per row (so line numbers are row numbers, columns stay columns), named
     * {@code bids.xlsx sheet 'Bids'} for the problems it may have.
     */
    public static Source asCsv(Source xlsx, ImportLimits limits) {
        try (InputStream in = xlsx.openBytes(limits); Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet(SHEET) != null ? book.getSheet(SHEET) : book.getSheetAt(0);
            StringWriter text = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                int next = 0;
                for (Row row : sheet) {
                    for (; next < row.getRowNum(); next++) {
                        csv.println(); // a missing row is a blank line: line numbers stay the sheet's rows
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    csv.printRecord(cells);
                    next++;
                }
            }
            return Source.of(xlsx.name() + " sheet '" + sheet.getSheetName() + "'",
                    text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (ImportProblems e) {
            throw e;
        } catch (IOException e) {
            throw xlsx.unreadable(e, limits);
        } catch (RuntimeException e) { // POI's word for a file that is no workbook
            throw ImportProblems.of(Problem.ofFile(xlsx.name(), "is not an Excel workbook (.xlsx): " + e.getMessage()));
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /**
     * The show's shots as a bid sheet: shot, episode, work type, frames and planned mode (for reading), then a
     * column per discipline with the traditional artist-days as the plan prices them (hand bids included), then the
     * planned in-house AI mode and its GPU-hours, the planned vendor mode and its quote in the vendor's currency.
     * Omitted shots are left out.
     *
     * @param plannedModes each shot's planned mode as pins name it ({@code traditional} or a capability's code)
     */
    public static void write(Show show, Map<String, String> plannedModes, OutputStream out) throws IOException {
        ShotEstimator estimator = new ShotEstimator(show);
        Map<String, AiCapability> capabilities = show.capabilities().stream()
                .collect(java.util.stream.Collectors.toMap(AiCapability::code, c -> c));
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(SHEET);
            List<String> header = new ArrayList<>(List.of("shot", "episode", "work_type", "frame_count", "planned_mode"));
            show.disciplines().stream().map(Discipline::code).forEach(header::add);
            header.addAll(List.of("ai_mode", "gpu_hours", "vendor_mode", "vendor_quote", "currency"));
            Row top = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                top.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (Shot shot : show.shots()) {
                if (shot.status() == ShotStatus.OMITTED) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                String planned = plannedModes.getOrDefault(shot.code(), "");
                row.createCell(0).setCellValue(shot.code());
                row.createCell(1).setCellValue(shot.episode());
                row.createCell(2).setCellValue(shot.workType());
                row.createCell(3).setCellValue(shot.frameCount());
                row.createCell(4).setCellValue(planned);
                ModeEstimate traditional = estimator.traditional(shot);
                int c = 5;
                for (Discipline d : show.disciplines()) {
                    BigDecimal days = traditional.artistDays().get(d.code());
                    if (days != null) {
                        row.createCell(c).setCellValue(days.setScale(SCALE, RoundingMode.HALF_EVEN).doubleValue());
                    }
                    c++;
                }
                AiCapability capability = capabilities.get(planned);
                if (capability != null && capability.isExternalVendor()) {
                    EstimateOverride.VendorCost quote = estimator.vendorQuote(shot, capability);
                    row.createCell(c + 2).setCellValue(capability.code());
                    row.createCell(c + 3).setCellValue(quote.amount().setScale(SCALE, RoundingMode.HALF_EVEN).doubleValue());
                    row.createCell(c + 4).setCellValue(quote.currency());
                } else if (capability != null) {
                    row.createCell(c).setCellValue(capability.code());
                    row.createCell(c + 1).setCellValue(estimator.ai(shot, capability).gpuHours()
                            .setScale(SCALE, RoundingMode.HALF_EVEN).doubleValue());
                }
            }
            sheet.createFreezePane(1, 1);
            book.write(out);
        }
    }
}
