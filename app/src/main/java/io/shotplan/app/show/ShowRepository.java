package io.shotplan.app.show;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.AI_EXCLUDED_WORK_TYPE;
import static io.shotplan.sql.schema.Tables.BID_TEMPLATE;
import static io.shotplan.sql.schema.Tables.CALENDAR_EXCEPTION;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.CREW_CAPACITY;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.RATE_CARD_DISCIPLINE;
import static io.shotplan.sql.schema.Tables.RATE_CARD_GPU_POOL;
import static io.shotplan.sql.schema.Tables.SEQUENCE;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOT_DEPENDENCY;
import static io.shotplan.sql.schema.Tables.SHOT_ESTIMATE_OVERRIDE;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import io.shotplan.show.AiCapability;
import io.shotplan.show.AiPolicy;
import io.shotplan.show.BidTemplate;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Discipline;
import io.shotplan.show.Episode;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.ExchangeRate;
import io.shotplan.show.GpuPool;
import io.shotplan.show.RateCard;
import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;
import io.shotplan.show.io.ShotDiff;
import io.shotplan.sql.money.ExchangeRateRepository;
import io.shotplan.sql.money.RateCardsInForce;
import io.shotplan.sql.schema.tables.records.ShotEstimateOverrideRecord;
import io.shotplan.sql.schema.tables.records.ShotRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.TableField;
import org.springframework.stereotype.Repository;

/**
 * Stores and loads a whole show: calendar, money, crews, GPUs, AI capabilities, bid template, policy and shots with
 * their hand-bid estimates.
 * A save is one transaction: a show that fails half-way leaves the database as it was.
 */
@Repository
public class ShowRepository {

    private static final int DEPENDENCIES_PER_INSERT = 5_000;

    private final DSLContext dsl;

    public ShowRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Long> findId(String showCode) {
        return dsl.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq(showCode)).fetchOptional(SHOW.ID);
    }

    /** Saves a new show, in one transaction; a show of the same code must not exist. */
    public long save(Show show) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            if (db.fetchExists(SHOW, SHOW.CODE.eq(show.code()))) {
                throw new IllegalStateException("show " + show.code() + " already exists");
            }
            return new Writer(db).write(show);
        });
    }

    /**
     * Replaces a stored show's settings and shot list with {@code show}'s, inside the caller's transaction, keeping
     * what finance and history need: the show's id, its plans, generation jobs and cost ledger. Episodes, disciplines
     * and GPU pools are matched by code and updated; shots by code (their pins stay; a file status of NOT_STARTED
     * keeps a status the shot has moved on to). A stored shot the file does not name becomes OMITTED with its costs.
     * Crew, calendar, AI capabilities, bid template, policy, dependencies and hand bids are the file's.
     *
     * @throws ReplaceRefusedException naming everything the replace would lose (costs, plans), having changed nothing
     */
    public ShowReplacement replace(DSLContext db, long showId, Show show) {
        return new Replacer(db, showId, show).replace();
    }

    /** Adds shots to a stored show, in one transaction. */
    public void addShots(long showId, List<Shot> shots) {
        dsl.transaction(tx -> new Writer(tx.dsl()).writeShots(showId, shots));
    }

    /**
     * Writes a revised shot list's or pull's diff inside the caller's transaction: the new shots, the changed shots'
     * frames, description, status, notes and dependencies, the re-bid flags, and OMITTED on the omitted shots (never
     * a delete: their plan items and ledger rows stay).
     */
    public void revise(long showId, ShotDiff diff) {
        Writer writer = new Writer(dsl);
        if (!diff.added().isEmpty()) {
            writer.writeShots(showId, diff.added());
        }
        Map<String, Long> ids = shotIds(showId);
        List<org.jooq.Row2<Long, Long>> dependencies = new ArrayList<>();
        List<Long> redepended = new ArrayList<>();
        for (ShotDiff.Changed c : diff.changed()) {
            Shot after = c.after();
            long id = ids.get(after.code());
            var update = dsl.update(SHOT).set(SHOT.FRAME_COUNT, after.frameCount())
                    .set(SHOT.DESCRIPTION, after.description()).set(SHOT.STATUS, after.status().name())
                    .set(SHOT.NOTES, NotesFormat.format(after.notes()));
            (c.rebid() ? update.set(SHOT.REBID_REQUIRED, true) : update).where(SHOT.ID.eq(id)).execute();
            if (!new HashSet<>(c.before().dependsOn()).equals(new HashSet<>(after.dependsOn()))) {
                redepended.add(id);
                after.dependsOn().forEach(p -> dependencies.add(org.jooq.impl.DSL.row(id, ids.get(p))));
            }
        }
        if (!redepended.isEmpty()) {
            dsl.deleteFrom(SHOT_DEPENDENCY).where(SHOT_DEPENDENCY.SHOT_ID.in(redepended)).execute();
        }
        for (int from = 0; from < dependencies.size(); from += DEPENDENCIES_PER_INSERT) {
            dsl.insertInto(SHOT_DEPENDENCY, SHOT_DEPENDENCY.SHOT_ID, SHOT_DEPENDENCY.DEPENDS_ON_SHOT_ID)
                    .valuesOfRows(dependencies.subList(from, Math.min(dependencies.size(), from + DEPENDENCIES_PER_INSERT)))
                    .execute();
        }
        List<Long> omitted = diff.omitted().stream().map(s -> ids.get(s.code())).toList();
        if (!omitted.isEmpty()) {
            dsl.update(SHOT).set(SHOT.STATUS, ShotStatus.OMITTED.name()).where(SHOT.ID.in(omitted)).execute();
        }
    }

    /**
     * Gives each shot named in {@code byShot} exactly those hand bids, dropping its earlier ones; the show's other
     * shots keep theirs. One transaction.
     */
    public void replaceEstimateOverrides(long showId, Map<String, List<EstimateOverride>> byShot) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            Map<String, Long> shotIds = db.select(SHOT.CODE, SHOT.ID).from(SHOT)
                    .where(SHOT.SHOW_ID.eq(showId), SHOT.CODE.in(byShot.keySet())).fetchMap(SHOT.CODE, SHOT.ID);
            db.deleteFrom(SHOT_ESTIMATE_OVERRIDE).where(SHOT_ESTIMATE_OVERRIDE.SHOT_ID.in(shotIds.values())).execute();
            // a new hand bid is the re-bid a revised pull asked for
            db.update(SHOT).set(SHOT.REBID_REQUIRED, false).where(SHOT.ID.in(shotIds.values())).execute();
            new Writer(db).writeEstimateOverrides(showId, shotIds, byShot);
        });
    }

    /** The ids of a show's shots by code: what ledger rows and plan items point at. */
    public Map<String, Long> shotIds(long showId) {
        return dsl.select(SHOT.CODE, SHOT.ID).from(SHOT).where(SHOT.SHOW_ID.eq(showId)).fetchMap(SHOT.CODE, SHOT.ID);
    }

    /** The ids of a show's disciplines by code. */
    public Map<String, Long> disciplineIds(long showId) {
        return dsl.select(DISCIPLINE.CODE, DISCIPLINE.ID).from(DISCIPLINE).where(DISCIPLINE.SHOW_ID.eq(showId))
                .fetchMap(DISCIPLINE.CODE, DISCIPLINE.ID);
    }

    public Optional<Show> load(String showCode) {
        return findId(showCode).map(this::load);
    }

    public Show load(long showId) {
        var show = dsl.selectFrom(SHOW).where(SHOW.ID.eq(showId)).fetchSingle();
        Map<Long, String> disciplineCodes = dsl.select(DISCIPLINE.ID, DISCIPLINE.CODE).from(DISCIPLINE)
                .where(DISCIPLINE.SHOW_ID.eq(showId)).fetchMap(DISCIPLINE.ID, DISCIPLINE.CODE);
        List<RateCardsInForce.Span> cards = RateCardsInForce.ofShow(dsl, showId);

        List<Episode> episodes = dsl.selectFrom(EPISODE).where(EPISODE.SHOW_ID.eq(showId)).orderBy(EPISODE.CODE)
                .fetch(e -> new Episode(e.getCode(), e.getTitle(), e.getDeliveryDate(), e.getBudget()));
        Map<String, Map<String, BigDecimal>> dayRates = rates(cards, RATE_CARD_DISCIPLINE.RATE_CARD_ID,
                RATE_CARD_DISCIPLINE.DAY_RATE, DISCIPLINE.CODE, DISCIPLINE.ID.eq(RATE_CARD_DISCIPLINE.DISCIPLINE_ID));
        Map<String, Map<String, BigDecimal>> hourlyRates = rates(cards, RATE_CARD_GPU_POOL.RATE_CARD_ID,
                RATE_CARD_GPU_POOL.HOURLY_RATE, GPU_POOL.CODE, GPU_POOL.ID.eq(RATE_CARD_GPU_POOL.GPU_POOL_ID));
        String first = cards.getFirst().name();
        List<Discipline> disciplines = dsl.select(DISCIPLINE.CODE, DISCIPLINE.NAME).from(DISCIPLINE)
                .where(DISCIPLINE.SHOW_ID.eq(showId)).orderBy(DISCIPLINE.ID)
                .fetch(r -> new Discipline(r.value1(), r.value2(), dayRates.get(first).get(r.value1())));
        Map<Long, String> poolCodes = dsl.select(GPU_POOL.ID, GPU_POOL.CODE).from(GPU_POOL)
                .where(GPU_POOL.SHOW_ID.eq(showId)).fetchMap(GPU_POOL.ID, GPU_POOL.CODE);
        List<GpuPool> pools = dsl.select(GPU_POOL.CODE, GPU_POOL.GPU_TYPE, GPU_POOL.GPU_COUNT, GPU_POOL.HOURS_PER_DAY)
                .from(GPU_POOL).where(GPU_POOL.SHOW_ID.eq(showId)).orderBy(GPU_POOL.ID)
                .fetch(r -> new GpuPool(r.value1(), r.value2(), r.value3(), hourlyRates.get(first).get(r.value1()),
                        r.value4()));
        List<RateCard> rateChanges = cards.stream().skip(1).map(c -> new RateCard(c.name(), c.currency().trim(),
                c.effectiveFrom(), dayRates.get(c.name()), hourlyRates.get(c.name()))).toList();
        List<ExchangeRate> exchangeRates = new ExchangeRateRepository(dsl).forShow(showId).stream()
                .map(x -> new ExchangeRate(x.currency(), x.effectiveFrom(), x.rate())).toList();
        List<AiCapability> capabilities = dsl.selectFrom(AI_CAPABILITY).where(AI_CAPABILITY.SHOW_ID.eq(showId))
                .orderBy(AI_CAPABILITY.ID)
                .fetch(c -> new AiCapability(c.getCode(), c.getWorkType(), c.getTier(), poolCodes.get(c.getGpuPoolId()),
                        c.getVendor(), c.getVendorPricePerSecond(),
                        c.getVendorCurrency() == null ? null : c.getVendorCurrency().trim(), c.getGpuSecondsPerFrame(),
                        new Resolution(c.getReferenceWidth(), c.getReferenceHeight()),
                        disciplineCodes.get(c.getReviewDisciplineId()), c.getReviewDaysPer_100Frames(),
                        c.getRejectionRisk(), c.getModel()));
        Map<String, Map<String, BigDecimal>> bids = new LinkedHashMap<>();
        dsl.selectFrom(BID_TEMPLATE).where(BID_TEMPLATE.SHOW_ID.eq(showId))
                .orderBy(BID_TEMPLATE.WORK_TYPE, BID_TEMPLATE.COMPLEXITY, BID_TEMPLATE.DISCIPLINE_ID)
                .forEach(b -> bids.computeIfAbsent(b.getWorkType() + "\u0000" + b.getComplexity(), k -> new LinkedHashMap<>())
                        .put(disciplineCodes.get(b.getDisciplineId()), b.getDaysPer_100Frames()));
        BidTemplate bidTemplate = new BidTemplate(bids.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\u0000");
            return new BidTemplate.Entry(key[0], Integer.parseInt(key[1]), e.getValue());
        }).toList());
        AiPolicy policy = new AiPolicy(show.getMaxAiShare(), new HashSet<>(dsl.select(AI_EXCLUDED_WORK_TYPE.WORK_TYPE)
                .from(AI_EXCLUDED_WORK_TYPE).where(AI_EXCLUDED_WORK_TYPE.SHOW_ID.eq(showId))
                .fetch(AI_EXCLUDED_WORK_TYPE.WORK_TYPE)));
        CrewPlan crew = new CrewPlan(
                dsl.selectFrom(CREW_CAPACITY).where(CREW_CAPACITY.DISCIPLINE_ID.in(disciplineCodes.keySet()))
                        .fetch(c -> new CrewPlan.Capacity(disciplineCodes.get(c.getDisciplineId()), c.getValidFrom(),
                                c.getArtists())),
                dsl.selectFrom(CALENDAR_EXCEPTION).where(CALENDAR_EXCEPTION.SHOW_ID.eq(showId))
                        .orderBy(CALENDAR_EXCEPTION.ON_DATE)
                        .fetch(x -> new CrewPlan.Exception(x.getOnDate(), disciplineCodes.get(x.getDisciplineId()),
                                x.getArtists(), x.getReason())));
        return new Show(show.getCode(), show.getName(), show.getCurrency(), show.getStartDate(),
                show.getContingencyPercent(), show.getReviewBufferDays(), episodes, disciplines, pools, capabilities,
                bidTemplate, policy, crew, loadShots(showId), cards.getFirst().currency().trim(), rateChanges,
                exchangeRates);
    }

    /**
     * The rates of each card (in the order {@link RateCardsInForce} puts them, which decides the card in force on a
     * day for planning and metering alike) by card name and discipline or pool code.
     */
    private Map<String, Map<String, BigDecimal>> rates(List<RateCardsInForce.Span> cards,
                                                       TableField<?, Long> cardId, TableField<?, BigDecimal> rate,
                                                       TableField<?, String> code, org.jooq.Condition joined) {
        Map<Long, String> names = cards.stream()
                .collect(Collectors.toMap(RateCardsInForce.Span::cardId, RateCardsInForce.Span::name));
        Map<String, Map<String, BigDecimal>> byCard = new HashMap<>();
        cards.forEach(c -> byCard.put(c.name(), new HashMap<>()));
        dsl.select(cardId, code, rate).from(cardId.getTable()).join(code.getTable()).on(joined)
                .where(cardId.in(names.keySet()))
                .forEach(r -> byCard.get(names.get(r.value1())).put(r.value2(), r.value3()));
        return byCard;
    }

    private List<Shot> loadShots(long showId) {
        Map<Long, String> episodeCodes = dsl.select(EPISODE.ID, EPISODE.CODE).from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId)).fetchMap(EPISODE.ID, EPISODE.CODE);
        Map<Long, String> sequenceCodes = dsl.select(SEQUENCE.ID, SEQUENCE.CODE).from(SEQUENCE)
                .where(SEQUENCE.SHOW_ID.eq(showId)).fetchMap(SEQUENCE.ID, SEQUENCE.CODE);
        var predecessor = SHOT.as("predecessor");
        Map<Long, List<String>> dependsOn = dsl.select(SHOT_DEPENDENCY.SHOT_ID, predecessor.CODE)
                .from(SHOT_DEPENDENCY).join(predecessor).on(predecessor.ID.eq(SHOT_DEPENDENCY.DEPENDS_ON_SHOT_ID))
                .where(predecessor.SHOW_ID.eq(showId))
                .orderBy(predecessor.CODE)
                .collect(Collectors.groupingBy(Record2::value1, Collectors.mapping(Record2::value2, Collectors.toList())));
        Map<Long, String> disciplineCodes = dsl.select(DISCIPLINE.ID, DISCIPLINE.CODE).from(DISCIPLINE)
                .where(DISCIPLINE.SHOW_ID.eq(showId)).fetchMap(DISCIPLINE.ID, DISCIPLINE.CODE);
        Map<Long, List<EstimateOverride>> bids = dsl.select(SHOT_ESTIMATE_OVERRIDE.fields()).from(SHOT_ESTIMATE_OVERRIDE)
                .join(SHOT).on(SHOT.ID.eq(SHOT_ESTIMATE_OVERRIDE.SHOT_ID)).where(SHOT.SHOW_ID.eq(showId))
                .orderBy(SHOT_ESTIMATE_OVERRIDE.ID)
                .fetchInto(SHOT_ESTIMATE_OVERRIDE).stream()
                .collect(Collectors.groupingBy(ShotEstimateOverrideRecord::getShotId,
                        Collectors.mapping(r -> estimateOverride(r, disciplineCodes), Collectors.toList())));
        return dsl.selectFrom(SHOT).where(SHOT.SHOW_ID.eq(showId)).orderBy(SHOT.CODE)
                .fetch(s -> new Shot(s.getCode(), episodeCodes.get(s.getEpisodeId()), sequenceCodes.get(s.getSequenceId()),
                        s.getDescription(), s.getFrameCount(), s.getFps(), new Resolution(s.getWidth(), s.getHeight()),
                        s.getWorkType(), s.getComplexity(), s.getPerformerLikeness(), s.getConsentOnFile(),
                        s.getHumanOnly(), s.getPlateReadyDate(), ShotStatus.valueOf(s.getStatus()),
                        dependsOn.getOrDefault(s.getId(), List.of()), NotesFormat.parse(s.getNotes()),
                        bids.getOrDefault(s.getId(), List.of())));
    }

    private static EstimateOverride estimateOverride(ShotEstimateOverrideRecord r, Map<Long, String> disciplineCodes) {
        if (r.getArtistDays() != null) {
            return new EstimateOverride.ArtistDays(r.getMode(), disciplineCodes.get(r.getDisciplineId()), r.getArtistDays());
        }
        if (r.getGpuHours() != null) {
            return new EstimateOverride.GpuHours(r.getMode(), r.getGpuHours());
        }
        return new EstimateOverride.VendorCost(r.getMode(), r.getVendorCost(), r.getVendorCurrency().trim());
    }

    /** Replaces a stored show in place (see {@link #replace}). */
    private static final class Replacer {
        private final DSLContext db;
        private final long showId;
        private final Show show;
        private final Writer writer;

        Replacer(DSLContext db, long showId, Show show) {
            this.db = db;
            this.showId = showId;
            this.show = show;
            this.writer = new Writer(db);
        }

        ShowReplacement replace() {
            var stored = db.selectFrom(SHOW).where(SHOW.ID.eq(showId)).forUpdate().fetchSingle();
            Set<String> fileShots = show.shots().stream().map(Shot::code).collect(Collectors.toSet());
            Map<String, Long> storedShots = db.select(SHOT.CODE, SHOT.ID).from(SHOT).where(SHOT.SHOW_ID.eq(showId))
                    .fetchMap(SHOT.CODE, SHOT.ID);
            List<Long> omitted = storedShots.entrySet().stream().filter(e -> !fileShots.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            List<String> refusals = new ArrayList<>();
            var ledger = db.select(count(), coalesce(sum(COST_LEDGER.AMOUNT), BigDecimal.ZERO)).from(COST_LEDGER)
                    .where(COST_LEDGER.SHOW_ID.eq(showId)).fetchSingle();
            if (!stored.getCurrency().equals(show.currency()) && ledger.value1() > 0) {
                refusals.add("its currency would change from " + stored.getCurrency() + " to " + show.currency()
                        + ", but its cost ledger has " + ledger.value1() + " rows (" + money(ledger.value2(), stored.getCurrency())
                        + ") in " + stored.getCurrency());
            }
            Map<String, Long> removedEpisodes = removed(EPISODE, EPISODE.ID, EPISODE.CODE, EPISODE.SHOW_ID,
                    show.episodes().stream().map(Episode::code).collect(Collectors.toSet()));
            removedEpisodes.forEach((code, id) -> {
                int kept = db.fetchCount(SHOT, SHOT.EPISODE_ID.eq(id).and(SHOT.ID.in(omitted)));
                if (kept > 0) {
                    refusals.add("episode " + code + " is not in the file, but " + kept + " of its shots would be kept"
                            + " as omitted (with their plans and costs) and need it: keep the episode in the file");
                }
            });
            Map<String, Long> removedDisciplines = removed(DISCIPLINE, DISCIPLINE.ID, DISCIPLINE.CODE, DISCIPLINE.SHOW_ID,
                    show.disciplines().stream().map(Discipline::code).collect(Collectors.toSet()));
            removedDisciplines.forEach((code, id) -> {
                var costs = costsOf(COST_LEDGER.DISCIPLINE_ID.eq(id));
                int planned = db.fetchCount(PLAN_ITEM_COST, PLAN_ITEM_COST.DISCIPLINE_ID.eq(id));
                if (costs.value1() > 0 || planned > 0) {
                    refusals.add("discipline " + code + " is not in the file, but " + costs.value1() + " ledger rows ("
                            + money(costs.value2(), stored.getCurrency()) + ") and " + planned
                            + " planned costs of earlier plans are booked to it: keep it in the file");
                }
            });
            Map<String, Long> removedPools = removed(GPU_POOL, GPU_POOL.ID, GPU_POOL.CODE, GPU_POOL.SHOW_ID,
                    show.gpuPools().stream().map(GpuPool::code).collect(Collectors.toSet()));
            removedPools.forEach((code, id) -> {
                var costs = costsOf(COST_LEDGER.GPU_POOL_ID.eq(id));
                int jobs = db.fetchCount(GENERATION_JOB, GENERATION_JOB.GPU_POOL_ID.eq(id));
                if (costs.value1() > 0 || jobs > 0) {
                    refusals.add("GPU pool " + code + " is not in the file, but " + costs.value1() + " ledger rows ("
                            + money(costs.value2(), stored.getCurrency()) + ") and " + jobs
                            + " generation jobs ran on it: keep it in the file");
                }
            });
            if (!refusals.isEmpty()) {
                throw new ReplaceRefusedException(show.code(), refusals);
            }

            var omittedCosts = costsOf(COST_LEDGER.SHOT_ID.in(omitted));
            int handBids = db.fetchCount(SHOT_ESTIMATE_OVERRIDE, SHOT_ESTIMATE_OVERRIDE.SHOT_ID.in(storedShots.values()));
            int dependencies = db.fetchCount(SHOT_DEPENDENCY, SHOT_DEPENDENCY.SHOT_ID.in(storedShots.values()));
            int plans = db.fetchCount(PLAN, PLAN.SHOW_ID.eq(showId));

            db.update(SHOW).set(SHOW.NAME, show.name()).set(SHOW.CURRENCY, show.currency())
                    .set(SHOW.START_DATE, show.startDate()).set(SHOW.CONTINGENCY_PERCENT, show.contingencyPercent())
                    .set(SHOW.REVIEW_BUFFER_DAYS, show.reviewBufferDays())
                    .set(SHOW.MAX_AI_SHARE, show.policy().maxAiSharePerEpisode())
                    .where(SHOW.ID.eq(showId)).execute();
            episodes();
            // the file states the rate cards whole; metering reads them when it bills, so none is kept
            db.deleteFrom(RATE_CARD).where(RATE_CARD.SHOW_ID.eq(showId)).execute();
            disciplines();
            db.deleteFrom(DISCIPLINE).where(DISCIPLINE.ID.in(removedDisciplines.values())).execute();
            Map<String, Long> poolIds = pools();
            db.deleteFrom(GPU_POOL).where(GPU_POOL.ID.in(removedPools.values())).execute();
            writer.writeRateCards(showId, show, poolIds);
            // what the file states whole: written again
            db.deleteFrom(CREW_CAPACITY).where(CREW_CAPACITY.DISCIPLINE_ID.in(writer.disciplineIds.values())).execute();
            db.deleteFrom(CALENDAR_EXCEPTION).where(CALENDAR_EXCEPTION.SHOW_ID.eq(showId)).execute();
            db.deleteFrom(AI_CAPABILITY).where(AI_CAPABILITY.SHOW_ID.eq(showId)).execute();
            db.deleteFrom(BID_TEMPLATE).where(BID_TEMPLATE.SHOW_ID.eq(showId)).execute();
            db.deleteFrom(AI_EXCLUDED_WORK_TYPE).where(AI_EXCLUDED_WORK_TYPE.SHOW_ID.eq(showId)).execute();
            writer.writeSettings(showId, show, poolIds);

            db.deleteFrom(SHOT_DEPENDENCY).where(SHOT_DEPENDENCY.SHOT_ID.in(storedShots.values())).execute();
            db.deleteFrom(SHOT_ESTIMATE_OVERRIDE).where(SHOT_ESTIMATE_OVERRIDE.SHOT_ID.in(storedShots.values())).execute();
            db.update(SHOT).set(SHOT.STATUS, ShotStatus.OMITTED.name()).where(SHOT.ID.in(omitted)).execute();
            List<Shot> added = show.shots().stream().filter(s -> !storedShots.containsKey(s.code())).toList();
            List<Shot> updated = show.shots().stream().filter(s -> storedShots.containsKey(s.code())).toList();
            updateShots(updated, storedShots);
            writer.writeShots(showId, added, show.shots());
            // only now: a shot the file moved out of a dropped episode would have gone with it
            db.deleteFrom(EPISODE).where(EPISODE.ID.in(removedEpisodes.values())).execute();

            return new ShowReplacement(show.code(), added.size(), updated.size(), omitted.size(),
                    omittedCosts.value1(), omittedCosts.value2(), removedEpisodes.keySet(), removedDisciplines.keySet(),
                    removedPools.keySet(), handBids, dependencies, plans, ledger.value1(), ledger.value2(),
                    show.currency());
        }

        /** Stored rows of the show whose code the file does not have, by code. */
        private <R extends org.jooq.Record> Map<String, Long> removed(org.jooq.Table<R> table, org.jooq.Field<Long> id,
                                                                      org.jooq.Field<String> code,
                                                                      org.jooq.Field<Long> show, Set<String> inFile) {
            return db.select(code, id).from(table).where(show.eq(showId)).and(code.notIn(inFile)).fetchMap(code, id);
        }

        private org.jooq.Record2<Integer, BigDecimal> costsOf(org.jooq.Condition which) {
            return db.select(count(), coalesce(sum(COST_LEDGER.AMOUNT), BigDecimal.ZERO)).from(COST_LEDGER)
                    .where(COST_LEDGER.SHOW_ID.eq(showId)).and(which).fetchSingle();
        }

        private void episodes() {
            for (Episode e : show.episodes()) {
                int changed = db.update(EPISODE).set(EPISODE.TITLE, e.title()).set(EPISODE.DELIVERY_DATE, e.deliveryDate())
                        .set(EPISODE.BUDGET, e.budget()).where(EPISODE.SHOW_ID.eq(showId), EPISODE.CODE.eq(e.code()))
                        .execute();
                if (changed == 0) {
                    writer.insertEpisode(showId, e);
                }
            }
        }

        private void disciplines() {
            Map<String, Long> stored = db.select(DISCIPLINE.CODE, DISCIPLINE.ID).from(DISCIPLINE)
                    .where(DISCIPLINE.SHOW_ID.eq(showId)).fetchMap(DISCIPLINE.CODE, DISCIPLINE.ID);
            for (Discipline d : show.disciplines()) {
                Long id = stored.get(d.code());
                if (id == null) {
                    writer.insertDiscipline(showId, d);
                    continue;
                }
                db.update(DISCIPLINE).set(DISCIPLINE.NAME, d.name()).where(DISCIPLINE.ID.eq(id)).execute();
                writer.disciplineIds.put(d.code(), id);
            }
        }

        private Map<String, Long> pools() {
            Map<String, Long> stored = db.select(GPU_POOL.CODE, GPU_POOL.ID).from(GPU_POOL)
                    .where(GPU_POOL.SHOW_ID.eq(showId)).fetchMap(GPU_POOL.CODE, GPU_POOL.ID);
            Map<String, Long> ids = new HashMap<>();
            for (GpuPool p : show.gpuPools()) {
                Long id = stored.get(p.code());
                if (id == null) {
                    ids.put(p.code(), writer.insertPool(showId, p));
                    continue;
                }
                db.update(GPU_POOL).set(GPU_POOL.GPU_TYPE, p.gpuType()).set(GPU_POOL.GPU_COUNT, p.gpuCount())
                        .set(GPU_POOL.HOURS_PER_DAY, p.hoursPerDay()).where(GPU_POOL.ID.eq(id)).execute();
                ids.put(p.code(), id);
            }
            return ids;
        }

        private void updateShots(List<Shot> shots, Map<String, Long> storedShots) {
            Map<String, Long> episodeIds = db.select(EPISODE.CODE, EPISODE.ID).from(EPISODE)
                    .where(EPISODE.SHOW_ID.eq(showId)).fetchMap(EPISODE.CODE, EPISODE.ID);
            Map<String, Long> sequenceIds = writer.sequences(showId, shots);
            Map<Long, String> statuses = db.select(SHOT.ID, SHOT.STATUS).from(SHOT).where(SHOT.SHOW_ID.eq(showId))
                    .fetchMap(SHOT.ID, SHOT.STATUS);
            List<org.jooq.Query> updates = new ArrayList<>(shots.size());
            for (Shot s : shots) {
                long id = storedShots.get(s.code());
                String status = ShotStatus.valueOf(statuses.get(id)).revisedBy(s.status()).name();
                updates.add(db.update(SHOT).set(SHOT.EPISODE_ID, episodeIds.get(s.episode()))
                        .set(SHOT.SEQUENCE_ID, s.sequence() == null ? null : sequenceIds.get(s.sequence()))
                        .set(SHOT.DESCRIPTION, s.description()).set(SHOT.FRAME_COUNT, s.frameCount()).set(SHOT.FPS, s.fps())
                        .set(SHOT.WIDTH, s.resolution().width()).set(SHOT.HEIGHT, s.resolution().height())
                        .set(SHOT.WORK_TYPE, s.workType()).set(SHOT.COMPLEXITY, (short) s.complexity())
                        .set(SHOT.PERFORMER_LIKENESS, s.performerLikeness()).set(SHOT.CONSENT_ON_FILE, s.consentOnFile())
                        .set(SHOT.HUMAN_ONLY, s.humanOnly()).set(SHOT.PLATE_READY_DATE, s.plateReadyDate())
                        .set(SHOT.STATUS, status).set(SHOT.NOTES, NotesFormat.format(s.notes()))
                        .where(SHOT.ID.eq(id)));
            }
            db.batch(updates).execute();
        }

        private static String money(BigDecimal amount, String currency) {
            return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " " + currency;
        }
    }

    /** Writes one show's rows inside the caller's transaction. */
    private static final class Writer {
        private final DSLContext db;
        private final Map<String, Long> disciplineIds = new HashMap<>();

        Writer(DSLContext db) {
            this.db = db;
        }

        long write(Show show) {
            long showId = db.insertInto(SHOW)
                    .set(SHOW.CODE, show.code()).set(SHOW.NAME, show.name()).set(SHOW.CURRENCY, show.currency())
                    .set(SHOW.START_DATE, show.startDate()).set(SHOW.CONTINGENCY_PERCENT, show.contingencyPercent())
                    .set(SHOW.REVIEW_BUFFER_DAYS, show.reviewBufferDays())
                    .set(SHOW.MAX_AI_SHARE, show.policy().maxAiSharePerEpisode())
                    .returningResult(SHOW.ID).fetchSingle(SHOW.ID);
            for (Episode e : show.episodes()) {
                insertEpisode(showId, e);
            }
            for (Discipline d : show.disciplines()) {
                insertDiscipline(showId, d);
            }
            Map<String, Long> poolIds = new HashMap<>();
            for (GpuPool p : show.gpuPools()) {
                poolIds.put(p.code(), insertPool(showId, p));
            }
            writeRateCards(showId, show, poolIds);
            writeSettings(showId, show, poolIds);
            writeShots(showId, show.shots());
            return showId;
        }

        void insertEpisode(long showId, Episode e) {
            db.insertInto(EPISODE).set(EPISODE.SHOW_ID, showId).set(EPISODE.CODE, e.code())
                    .set(EPISODE.TITLE, e.title()).set(EPISODE.DELIVERY_DATE, e.deliveryDate())
                    .set(EPISODE.BUDGET, e.budget()).execute();
        }

        void insertDiscipline(long showId, Discipline d) {
            long id = db.insertInto(DISCIPLINE).set(DISCIPLINE.SHOW_ID, showId).set(DISCIPLINE.CODE, d.code())
                    .set(DISCIPLINE.NAME, d.name()).returningResult(DISCIPLINE.ID).fetchSingle(DISCIPLINE.ID);
            disciplineIds.put(d.code(), id);
        }

        long insertPool(long showId, GpuPool p) {
            return db.insertInto(GPU_POOL).set(GPU_POOL.SHOW_ID, showId).set(GPU_POOL.CODE, p.code())
                    .set(GPU_POOL.GPU_TYPE, p.gpuType()).set(GPU_POOL.GPU_COUNT, p.gpuCount())
                    .set(GPU_POOL.HOURS_PER_DAY, p.hoursPerDay()).returningResult(GPU_POOL.ID).fetchSingle(GPU_POOL.ID);
        }

        /**
         * Every rate card of the show, each whole (a rate of every discipline and GPU pool), so that whichever card
         * {@link RateCardsInForce} finds in force on a day prices all the work of that day.
         */
        void writeRateCards(long showId, Show show, Map<String, Long> poolIds) {
            for (RateCard card : show.rateCards().all()) {
                long id = db.insertInto(RATE_CARD).set(RATE_CARD.SHOW_ID, showId).set(RATE_CARD.NAME, card.name())
                        .set(RATE_CARD.CURRENCY, card.currency()).set(RATE_CARD.EFFECTIVE_FROM, card.effectiveFrom())
                        .returningResult(RATE_CARD.ID).fetchSingle(RATE_CARD.ID);
                card.dayRates().forEach((discipline, rate) -> db.insertInto(RATE_CARD_DISCIPLINE)
                        .set(RATE_CARD_DISCIPLINE.RATE_CARD_ID, id)
                        .set(RATE_CARD_DISCIPLINE.DISCIPLINE_ID, disciplineId(discipline))
                        .set(RATE_CARD_DISCIPLINE.DAY_RATE, rate).execute());
                card.hourlyRates().forEach((pool, rate) -> db.insertInto(RATE_CARD_GPU_POOL)
                        .set(RATE_CARD_GPU_POOL.RATE_CARD_ID, id).set(RATE_CARD_GPU_POOL.GPU_POOL_ID, poolIds.get(pool))
                        .set(RATE_CARD_GPU_POOL.HOURLY_RATE, rate).execute());
            }
        }

        /** Crew, calendar, AI capabilities, bid template and policy: what refers to disciplines and pools. */
        void writeSettings(long showId, Show show, Map<String, Long> poolIds) {
            for (CrewPlan.Capacity c : show.crew().capacities()) {
                db.insertInto(CREW_CAPACITY).set(CREW_CAPACITY.DISCIPLINE_ID, disciplineId(c.discipline()))
                        .set(CREW_CAPACITY.VALID_FROM, c.from()).set(CREW_CAPACITY.ARTISTS, c.artists()).execute();
            }
            for (CrewPlan.Exception x : show.crew().exceptions()) {
                db.insertInto(CALENDAR_EXCEPTION).set(CALENDAR_EXCEPTION.SHOW_ID, showId)
                        .set(CALENDAR_EXCEPTION.DISCIPLINE_ID, x.discipline() == null ? null : disciplineId(x.discipline()))
                        .set(CALENDAR_EXCEPTION.ON_DATE, x.day()).set(CALENDAR_EXCEPTION.ARTISTS, x.artists())
                        .set(CALENDAR_EXCEPTION.REASON, x.reason()).execute();
            }
            for (AiCapability c : show.capabilities()) {
                db.insertInto(AI_CAPABILITY).set(AI_CAPABILITY.SHOW_ID, showId).set(AI_CAPABILITY.CODE, c.code())
                        .set(AI_CAPABILITY.WORK_TYPE, c.workType()).set(AI_CAPABILITY.TIER, c.tier())
                        .set(AI_CAPABILITY.GPU_POOL_ID, c.gpuPool() == null ? null : poolIds.get(c.gpuPool()))
                        .set(AI_CAPABILITY.VENDOR, c.vendor()).set(AI_CAPABILITY.MODEL, c.model())
                        .set(AI_CAPABILITY.VENDOR_PRICE_PER_SECOND, c.vendorPricePerSecond())
                        .set(AI_CAPABILITY.VENDOR_CURRENCY, c.vendorCurrency())
                        .set(AI_CAPABILITY.GPU_SECONDS_PER_FRAME, c.gpuSecondsPerFrame())
                        .set(AI_CAPABILITY.REFERENCE_WIDTH, c.referenceResolution().width())
                        .set(AI_CAPABILITY.REFERENCE_HEIGHT, c.referenceResolution().height())
                        .set(AI_CAPABILITY.REVIEW_DISCIPLINE_ID,
                                c.reviewDiscipline() == null ? null : disciplineId(c.reviewDiscipline()))
                        .set(AI_CAPABILITY.REVIEW_DAYS_PER_100_FRAMES, c.reviewDaysPer100Frames())
                        .set(AI_CAPABILITY.REJECTION_RISK, c.rejectionRisk()).execute();
            }
            for (BidTemplate.Entry b : show.bidTemplate().entries()) {
                b.daysPer100FramesByDiscipline().forEach((discipline, days) -> db.insertInto(BID_TEMPLATE)
                        .set(BID_TEMPLATE.SHOW_ID, showId).set(BID_TEMPLATE.WORK_TYPE, b.workType())
                        .set(BID_TEMPLATE.COMPLEXITY, (short) b.complexity())
                        .set(BID_TEMPLATE.DISCIPLINE_ID, disciplineId(discipline))
                        .set(BID_TEMPLATE.DAYS_PER_100_FRAMES, days).execute());
            }
            for (String workType : show.policy().neverAiWorkTypes()) {
                db.insertInto(AI_EXCLUDED_WORK_TYPE).set(AI_EXCLUDED_WORK_TYPE.SHOW_ID, showId)
                        .set(AI_EXCLUDED_WORK_TYPE.WORK_TYPE, workType).execute();
            }
        }

        /** The show's sequences by code, the shots' new ones added. */
        Map<String, Long> sequences(long showId, List<Shot> shots) {
            Map<String, Long> sequenceIds = new HashMap<>(db.select(SEQUENCE.CODE, SEQUENCE.ID).from(SEQUENCE)
                    .where(SEQUENCE.SHOW_ID.eq(showId)).fetchMap(SEQUENCE.CODE, SEQUENCE.ID));
            shots.stream().map(Shot::sequence).filter(Objects::nonNull).distinct()
                    .filter(code -> !sequenceIds.containsKey(code))
                    .forEach(code -> sequenceIds.put(code, db.insertInto(SEQUENCE).set(SEQUENCE.SHOW_ID, showId)
                            .set(SEQUENCE.CODE, code).returningResult(SEQUENCE.ID).fetchSingle(SEQUENCE.ID)));
            return sequenceIds;
        }

        void writeShots(long showId, List<Shot> shots) {
            writeShots(showId, shots, shots);
        }

        /**
         * Inserts {@code added}, then the dependencies and hand bids of {@code described} (the added shots, or the
         * whole file of a replace, whose other shots are stored already).
         */
        void writeShots(long showId, List<Shot> added, List<Shot> described) {
            List<Shot> shots = added;
            Map<String, Long> episodeIds = db.select(EPISODE.CODE, EPISODE.ID).from(EPISODE)
                    .where(EPISODE.SHOW_ID.eq(showId)).fetchMap(EPISODE.CODE, EPISODE.ID);
            Map<String, Long> sequenceIds = sequences(showId, shots);
            List<ShotRecord> rows = new ArrayList<>(shots.size());
            for (Shot s : shots) {
                Long episodeId = episodeIds.get(s.episode());
                if (episodeId == null) {
                    throw new IllegalArgumentException("shot " + s.code() + ": unknown episode '" + s.episode() + "'");
                }
                rows.add(db.newRecord(SHOT).setShowId(showId).setEpisodeId(episodeId)
                        .setSequenceId(s.sequence() == null ? null : sequenceIds.get(s.sequence()))
                        .setCode(s.code()).setDescription(s.description()).setFrameCount(s.frameCount()).setFps(s.fps())
                        .setWidth(s.resolution().width()).setHeight(s.resolution().height()).setWorkType(s.workType())
                        .setComplexity((short) s.complexity()).setPerformerLikeness(s.performerLikeness())
                        .setConsentOnFile(s.consentOnFile()).setHumanOnly(s.humanOnly())
                        .setPlateReadyDate(s.plateReadyDate()).setStatus(s.status().name())
                        .setNotes(NotesFormat.format(s.notes())));
            }
            db.batchInsert(rows).execute();
            Map<String, Long> shotIds = db.select(SHOT.CODE, SHOT.ID).from(SHOT).where(SHOT.SHOW_ID.eq(showId))
                    .fetchMap(SHOT.CODE, SHOT.ID);
            List<org.jooq.Row2<Long, Long>> dependencies = new ArrayList<>();
            for (Shot s : described) {
                for (String predecessor : s.dependsOn()) {
                    Long predecessorId = shotIds.get(predecessor);
                    if (predecessorId == null) {
                        throw new IllegalArgumentException("shot " + s.code() + " depends on unknown shot '" + predecessor + "'");
                    }
                    dependencies.add(org.jooq.impl.DSL.row(shotIds.get(s.code()), predecessorId));
                }
            }
            // In slices: PostgreSQL takes at most 65,535 bind values per statement.
            for (int from = 0; from < dependencies.size(); from += DEPENDENCIES_PER_INSERT) {
                db.insertInto(SHOT_DEPENDENCY, SHOT_DEPENDENCY.SHOT_ID, SHOT_DEPENDENCY.DEPENDS_ON_SHOT_ID)
                        .valuesOfRows(dependencies.subList(from, Math.min(dependencies.size(), from + DEPENDENCIES_PER_INSERT)))
                        .execute();
            }
            writeEstimateOverrides(showId, shotIds, described.stream().filter(s -> !s.estimateOverrides().isEmpty())
                    .collect(Collectors.toMap(Shot::code, Shot::estimateOverrides)));
        }

        void writeEstimateOverrides(long showId, Map<String, Long> shotIds, Map<String, List<EstimateOverride>> byShot) {
            if (byShot.isEmpty()) {
                return;
            }
            if (disciplineIds.isEmpty()) { // adding to a stored show rather than writing a new one
                disciplineIds.putAll(db.select(DISCIPLINE.CODE, DISCIPLINE.ID).from(DISCIPLINE)
                        .where(DISCIPLINE.SHOW_ID.eq(showId)).fetchMap(DISCIPLINE.CODE, DISCIPLINE.ID));
            }
            List<ShotEstimateOverrideRecord> rows = new ArrayList<>();
            byShot.forEach((code, bids) -> {
                Long shotId = shotIds.get(code);
                if (shotId == null) {
                    throw new IllegalArgumentException("estimate override for unknown shot '" + code + "'");
                }
                for (EstimateOverride bid : bids) {
                    var row = db.newRecord(SHOT_ESTIMATE_OVERRIDE).setShotId(shotId).setMode(bid.mode());
                    switch (bid) {
                        case EstimateOverride.ArtistDays a -> row.setDisciplineId(disciplineId(a.discipline()))
                                .setArtistDays(a.days());
                        case EstimateOverride.GpuHours g -> row.setGpuHours(g.hours());
                        case EstimateOverride.VendorCost v -> row.setVendorCost(v.amount()).setVendorCurrency(v.currency());
                    }
                    rows.add(row);
                }
            });
            db.batchInsert(rows).execute();
        }

        private long disciplineId(String code) {
            Long id = disciplineIds.get(code);
            if (id == null) {
                throw new IllegalArgumentException("unknown discipline '" + code + "'");
            }
            return id;
        }
    }
}
