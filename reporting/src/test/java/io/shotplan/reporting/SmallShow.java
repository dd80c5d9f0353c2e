package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.CREW_CAPACITY;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.sql.ledger.LedgerEntry;
import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.ledger.LedgerSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The hand-computed show the report tests check: three episodes, twelve shots, a locked baseline (v1) and a current
 * plan (v2), and ten ledger rows including a reversal and a row without a shot. The expected figures are worked out
 * in {@code ShowReportQueryTest}; the comments here say what each row is for.
 *
 * <ul>
 *   <li>EP1: a done shot over its baseline, a shot moved from traditional to AI (the big saving, late), a slipped
 *       late traditional shot, an AI-vendor shot with a vendor row reversed and re-booked.</li>
 *   <li>EP2: at risk (finishes 2026-02-18, delivery 2026-02-20, review buffer 5 days); a shot omitted from the
 *       current plan after 50.00 was spent on it; an invoice without a discipline.</li>
 *   <li>EP3: half-even rounding: budget 5000.0050, plan lines of x.0050, a generation row of 0.0150.</li>
 * </ul>
 */
public final class SmallShow {

    public static final String CODE = "TINY";
    public static final LocalDate AS_OF = LocalDate.of(2026, 2, 16);
    public static final ReportOptions OPTIONS = ReportOptions.asOf(AS_OF);

    private final DSLContext dsl;
    private final Map<String, Long> ids = new HashMap<>();
    private long showId;
    private long baselineId;
    private long currentId;

    private SmallShow(DSLContext dsl) {
        this.dsl = dsl;
    }

    public static long create(DSLContext dsl) {
        return new SmallShow(dsl).insert();
    }

    /** The same show before its baseline was locked: plan v1 stays, but the show names no baseline. */
    public static void unlockBaseline(DSLContext dsl) {
        dsl.update(SHOW).setNull(SHOW.BASELINE_PLAN_ID).where(SHOW.CODE.eq(CODE)).execute();
    }

    private long insert() {
        showId = dsl.insertInto(SHOW).set(SHOW.CODE, CODE).set(SHOW.NAME, "Tiny Show").set(SHOW.CURRENCY, "USD")
                .set(SHOW.START_DATE, LocalDate.of(2026, 1, 5)).set(SHOW.CONTINGENCY_PERCENT, new BigDecimal("10"))
                .set(SHOW.REVIEW_BUFFER_DAYS, 5).returningResult(SHOW.ID).fetchSingle().value1();
        ids.put("COMP", dsl.insertInto(DISCIPLINE).set(DISCIPLINE.SHOW_ID, showId).set(DISCIPLINE.CODE, "COMP")
                .set(DISCIPLINE.NAME, "Compositing").returningResult(DISCIPLINE.ID).fetchSingle().value1());
        ids.put("ROTO", dsl.insertInto(DISCIPLINE).set(DISCIPLINE.SHOW_ID, showId).set(DISCIPLINE.CODE, "ROTO")
                .set(DISCIPLINE.NAME, "Roto").returningResult(DISCIPLINE.ID).fetchSingle().value1());
        ids.put("POOL1", dsl.insertInto(GPU_POOL).set(GPU_POOL.SHOW_ID, showId).set(GPU_POOL.CODE, "POOL1")
                .set(GPU_POOL.GPU_TYPE, "H100").set(GPU_POOL.GPU_COUNT, 2).set(GPU_POOL.HOURS_PER_DAY, BigDecimal.TEN)
                .returningResult(GPU_POOL.ID).fetchSingle().value1());
        dsl.insertInto(AI_CAPABILITY).set(AI_CAPABILITY.SHOW_ID, showId).set(AI_CAPABILITY.CODE, "CAP1")
                .set(AI_CAPABILITY.WORK_TYPE, "roto").set(AI_CAPABILITY.GPU_POOL_ID, ids.get("POOL1"))
                .set(AI_CAPABILITY.MODEL, "rotomodel-v2").set(AI_CAPABILITY.GPU_SECONDS_PER_FRAME, BigDecimal.ONE)
                .set(AI_CAPABILITY.REFERENCE_WIDTH, 1920).set(AI_CAPABILITY.REFERENCE_HEIGHT, 1080).execute();
        crew("COMP", 2);
        crew("ROTO", 1);
        episode("EP1", "Pilot", "2026-03-31", "10000.00");
        episode("EP2", "Second", "2026-02-20", "8000.00");
        episode("EP3", "Third", "2026-04-30", "5000.0050");
        for (String ep : new String[] {"EP1", "EP2", "EP3"}) {
            for (int i = 1; i <= 4; i++) {
                shot(ep, ep.replace("EP", "E") + "S" + i);
            }
        }
        status("E1S1", "DONE");
        status("E1S2", "IN_PROGRESS");
        status("E2S1", "IN_PROGRESS");
        status("E2S2", "DONE");
        status("E2S3", "DONE");
        status("E2S4", "OMITTED");

        baselineId = plan(1, OffsetDateTime.of(2026, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC));
        currentId = plan(2, null);
        dsl.update(SHOW).set(SHOW.BASELINE_PLAN_ID, baselineId).where(SHOW.ID.eq(showId)).execute();

        // baseline: shot, mode, start, end, planned cost, GPU hours, traditional cost/days, then discipline lines
        item(baselineId, "E1S1", "TRADITIONAL", "2026-01-12", "2026-01-16", "1000", "0", "1000", 5, "COMP", "1000", "2");
        item(baselineId, "E1S2", "TRADITIONAL", "2026-01-19", "2026-01-30", "2000", "0", "2000", 10, "ROTO", "2000", "4");
        item(baselineId, "E1S3", "TRADITIONAL", "2026-02-02", "2026-02-06", "1500", "0", "1500", 5, "COMP", "1500", "3");
        item(baselineId, "E1S4", "AI_VENDOR", "2026-03-02", "2026-03-06", "400", "0", "1200", 6);
        item(baselineId, "E2S1", "TRADITIONAL", "2026-02-02", "2026-02-06", "1200", "0", "1200", 5, "COMP", "1200", "2.4");
        item(baselineId, "E2S2", "AI", "2026-02-09", "2026-02-13", "600", "40", "1800", 9, "ROTO", "200", "0.4");
        item(baselineId, "E2S3", "TRADITIONAL", "2026-02-09", "2026-02-13", "800", "0", "800", 5, "ROTO", "800", "1.6");
        item(baselineId, "E2S4", "TRADITIONAL", "2026-02-09", "2026-02-11", "500", "0", "500", 3, "COMP", "500", "1");
        item(baselineId, "E3S1", "TRADITIONAL", "2026-03-09", "2026-03-13", "900", "0", "900", 5, "COMP", "900", "1.8");
        item(baselineId, "E3S2", "TRADITIONAL", "2026-03-16", "2026-03-20", "700", "0", "700", 5, "COMP", "700", "1.4");
        item(baselineId, "E3S3", "TRADITIONAL", "2026-03-16", "2026-03-27", "600", "0", "600", 10, "ROTO", "600", "1.2");
        item(baselineId, "E3S4", "AI", "2026-03-23", "2026-03-27", "250", "10", "750", 5);

        item(currentId, "E1S1", "TRADITIONAL", "2026-01-12", "2026-01-16", "1000", "0", "1000", 5, "COMP", "1000", "2");
        item(currentId, "E1S2", "AI", "2026-01-19", "2026-01-30", "500", "20", "2000", 10, "ROTO", "300", "0.6");
        item(currentId, "E1S3", "TRADITIONAL", "2026-02-02", "2026-02-13", "1500", "0", "1500", 10, "COMP", "1500", "3");
        item(currentId, "E1S4", "AI_VENDOR", "2026-03-02", "2026-03-06", "400", "0", "1200", 6);
        item(currentId, "E2S1", "TRADITIONAL", "2026-02-02", "2026-02-18", "1600", "0", "1600", 13, "COMP", "1600", "3.2");
        item(currentId, "E2S2", "AI", "2026-02-09", "2026-02-13", "600", "40", "1800", 9, "ROTO", "200", "0.4");
        item(currentId, "E2S3", "TRADITIONAL", "2026-02-09", "2026-02-13", "800", "0", "800", 5, "ROTO", "800", "1.6");
        item(currentId, "E3S1", "AI", "2026-03-09", "2026-03-13", "300.0100", "12.5", "900", 5, "COMP", "100.0050", "0.2");
        item(currentId, "E3S2", "TRADITIONAL", "2026-03-16", "2026-03-20", "700", "0", "700", 5, "COMP", "700", "1.4");
        item(currentId, "E3S3", "TRADITIONAL", "2026-03-16", "2026-03-27", "600", "0", "600", 10, "ROTO", "600", "1.2");
        item(currentId, "E3S4", "AI", "2026-03-23", "2026-03-27", "250", "10", "750", 5);

        LedgerRepository ledger = new LedgerRepository(dsl);
        ledger.appendNew(timesheet("E1S1", "COMP", "1100.00", "2.2", "2026-01-15", "ts-1"));
        ledger.appendNew(generation("E1S2", "120.00", "36000", "cuda:0", "2026-01-21", "gen-1"));
        ledger.appendNew(timesheet("E1S2", "ROTO", "100.00", "0.2", "2026-01-22", "ts-2"));
        long vendor = ledger.appendNew(money("E1S4", LedgerSource.AI_VENDOR, "150.00", "2026-02-10", "vendor-1"));
        ledger.reverse(vendor, "wrong rate", "vendor-1-reversal");
        ledger.appendNew(money("E1S4", LedgerSource.AI_VENDOR, "140.00", "2026-02-12", "vendor-2"));
        ledger.appendNew(timesheet("E2S1", "COMP", "900.50", "1.8", "2026-02-05", "ts-3"));
        ledger.appendNew(generation("E2S2", "450.25", "54000", "cuda:1", "2026-02-10", "gen-2"));
        ledger.appendNew(timesheet("E2S2", "ROTO", "150.00", "0.3", "2026-02-12", "ts-4"));
        ledger.appendNew(money("E2S3", LedgerSource.INVOICE, "800.00", "2026-02-13", "inv-1"));
        ledger.appendNew(timesheet("E2S4", "COMP", "50.00", "0.1", "2026-02-03", "ts-5"));
        ledger.appendNew(generation("E3S1", "0.0150", "18", "cuda:0", "2026-02-02", "gen-3"));
        ledger.appendNew(LedgerEntry.money(showId, null, LedgerSource.INVOICE, new BigDecimal("75.00"), "USD",
                LocalDate.parse("2026-01-31"), "supervision", "inv-2"));
        // after as-of: not an actual yet
        ledger.appendNew(timesheet("E3S2", "COMP", "999.00", "2", "2026-02-20", "ts-future"));
        return showId;
    }

    private void crew(String discipline, int artists) {
        dsl.insertInto(CREW_CAPACITY).set(CREW_CAPACITY.DISCIPLINE_ID, ids.get(discipline))
                .set(CREW_CAPACITY.VALID_FROM, LocalDate.of(2026, 1, 1))
                .set(CREW_CAPACITY.ARTISTS, BigDecimal.valueOf(artists)).execute();
    }

    private void episode(String code, String title, String delivery, String budget) {
        ids.put(code, dsl.insertInto(EPISODE).set(EPISODE.SHOW_ID, showId).set(EPISODE.CODE, code)
                .set(EPISODE.TITLE, title).set(EPISODE.DELIVERY_DATE, LocalDate.parse(delivery))
                .set(EPISODE.BUDGET, new BigDecimal(budget)).returningResult(EPISODE.ID).fetchSingle().value1());
    }

    private void shot(String episode, String code) {
        ids.put(code, dsl.insertInto(SHOT).set(SHOT.SHOW_ID, showId).set(SHOT.EPISODE_ID, ids.get(episode))
                .set(SHOT.CODE, code).set(SHOT.FRAME_COUNT, 100).set(SHOT.WIDTH, 1920).set(SHOT.HEIGHT, 1080)
                .set(SHOT.WORK_TYPE, "roto").set(SHOT.COMPLEXITY, (short) 2)
                .returningResult(SHOT.ID).fetchSingle().value1());
    }

    private void status(String shot, String status) {
        dsl.update(SHOT).set(SHOT.STATUS, status).where(SHOT.ID.eq(ids.get(shot))).execute();
    }

    private long plan(int version, OffsetDateTime lockedAt) {
        return dsl.insertInto(PLAN).set(PLAN.SHOW_ID, showId).set(PLAN.VERSION, version).set(PLAN.FEASIBLE, true)
                .set(PLAN.LOCKED_AT, lockedAt).returningResult(PLAN.ID).fetchSingle().value1();
    }

    /** A plan item, then pairs of (discipline, cost, artist-days). */
    private void item(long planId, String shot, String mode, String start, String end, String cost, String gpuHours,
                      String traditionalCost, int traditionalDays, String... lines) {
        long itemId = dsl.insertInto(PLAN_ITEM).set(PLAN_ITEM.PLAN_ID, planId).set(PLAN_ITEM.SHOT_ID, ids.get(shot))
                .set(PLAN_ITEM.MODE, mode).set(PLAN_ITEM.CAPABILITY_CODE, mode.equals("AI") ? "CAP1" : null)
                .set(PLAN_ITEM.START_DATE, LocalDate.parse(start)).set(PLAN_ITEM.END_DATE, LocalDate.parse(end))
                .set(PLAN_ITEM.PLANNED_COST, new BigDecimal(cost)).set(PLAN_ITEM.PLANNED_GPU_HOURS, new BigDecimal(gpuHours))
                .set(PLAN_ITEM.TRADITIONAL_COST, new BigDecimal(traditionalCost))
                .set(PLAN_ITEM.TRADITIONAL_DAYS, traditionalDays)
                .returningResult(PLAN_ITEM.ID).fetchSingle().value1();
        for (int i = 0; i < lines.length; i += 3) {
            dsl.insertInto(PLAN_ITEM_COST).set(PLAN_ITEM_COST.PLAN_ITEM_ID, itemId)
                    .set(PLAN_ITEM_COST.DISCIPLINE_ID, ids.get(lines[i]))
                    .set(PLAN_ITEM_COST.COST, new BigDecimal(lines[i + 1]))
                    .set(PLAN_ITEM_COST.ARTIST_DAYS, new BigDecimal(lines[i + 2])).execute();
        }
    }

    private LedgerEntry timesheet(String shot, String discipline, String amount, String days, String on, String key) {
        return new LedgerEntry(showId, ids.get(shot), LedgerSource.TIMESHEET, new BigDecimal(amount), "USD",
                BigDecimal.ZERO, new BigDecimal(days), ids.get(discipline), null, null, null, LocalDate.parse(on),
                "timesheet", null, key);
    }

    private LedgerEntry generation(String shot, String amount, String seconds, String device, String on, String key) {
        return new LedgerEntry(showId, ids.get(shot), LedgerSource.GENERATION, new BigDecimal(amount), "USD",
                new BigDecimal(seconds), BigDecimal.ZERO, null, ids.get("POOL1"), device, "rotomodel-v2",
                LocalDate.parse(on), "job", null, key);
    }

    private LedgerEntry money(String shot, LedgerSource source, String amount, String on, String key) {
        return LedgerEntry.money(showId, ids.get(shot), source, new BigDecimal(amount), "USD", LocalDate.parse(on),
                source.name().toLowerCase(), key);
    }
}
