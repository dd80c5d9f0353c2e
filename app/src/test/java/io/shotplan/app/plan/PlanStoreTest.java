package io.shotplan.app.plan;

import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.plan.shot.GeneratedSeason;
import io.shotplan.plan.shot.PlanRequest;
import io.shotplan.plan.shot.PlannedShot;
import io.shotplan.plan.shot.ShowPlan;
import io.shotplan.plan.shot.ShowPlanner;
import io.shotplan.show.Show;
import io.shotplan.show.io.ShowFolderReader;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A solved plan stored whole and read back the same on H2 and PostgreSQL: items, costs, timeline, comparison, baseline. */
class PlanStoreTest {

    static final Show SHOW = new ShowFolderReader().read(Path.of("src/test/resources/shows/small"));
    static final ShowPlan PLAN = ShowPlanner.plan(SHOW, PlanRequest.of(Duration.ofSeconds(5)).withMoveLimit(2_000));

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aStoredPlanReadsBackWithItsCostsTimelineAndAudit(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long showId = new ShowRepository(db.dsl()).save(SHOW);
            AuditLog audit = new AuditLog(db.dsl());
            PlanStore store = new PlanStore(db.dsl(), audit);
            PlanQueries queries = new PlanQueries(db.dsl());

            long first = store.save(showId, null, SHOW, PLAN, "maria", false);
            long second = store.save(showId, null, SHOW, PLAN, "maria", true);

            var detail = queries.detail(first);
            assertThat(detail.summary().version()).isEqualTo(1);
            assertThat(queries.summary(second).version()).isEqualTo(2);
            assertThat(detail.items()).hasSize(SHOW.shots().size());
            assertThat(detail.summary().plannedCost()).isEqualByComparingTo(PLAN.shots().stream()
                    .map(s -> s.cost()).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(detail.summary().aiShots()).isEqualTo((int) PLAN.aiShotCount());
            assertThat(detail.items()).allSatisfy(item -> {
                assertThat(item.reason()).isNotBlank();
                assertThat(item.traditionalCost()).isPositive();
                assertThat(item.end()).isAfterOrEqualTo(item.start());
            });
            assertThat(detail.episodes()).extracting(PlanView.EpisodeLine::code).containsExactly("EP101", "EP102");
            assertThat(detail.episodes().stream().mapToInt(PlanView.EpisodeLine::shots).sum()).isEqualTo(SHOW.shots().size());

            var timeline = queries.timeline(first);
            assertThat(timeline.rows()).extracting(PlanView.TimelineRow::kind).contains("DISCIPLINE");
            assertThat(timeline.from()).isNotNull();

            assertThat(queries.compare(first, second).changes()).isEmpty();

            new Baselines(db.dsl(), audit).lock(first);
            assertThat(queries.summary(first).baseline()).isTrue();
            assertThat(queries.summary(first).lockedAt()).isNotNull();
            assertThat(audit.find("plan", null, 0, 10).items()).extracting(a -> a.action())
                    .containsExactly("BASELINE", "CREATE", "CREATE");
            assertThat(audit.find("plan", null, 0, 10).items().getLast().actor()).isEqualTo("maria");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aPlanOfMoreShotsThanOneInsertTakesStoresEveryItemWithItsOwnCosts(Supplier<Database> databases) {
        Show season = GeneratedSeason.generate(1_300, 5);
        ShowPlan plan = ShowPlanner.plan(season, PlanRequest.of(Duration.ofSeconds(30)).withMoveLimit(50));
        try (Database db = databases.get()) {
            long showId = new ShowRepository(db.dsl()).save(season);
            long planId = new PlanStore(db.dsl(), new AuditLog(db.dsl())).save(showId, null, season, plan, "maria", false);

            var items = db.dsl().select(SHOT.CODE, PLAN_ITEM.PLANNED_COST, PLAN_ITEM.START_DATE, DSL.sum(PLAN_ITEM_COST.COST))
                    .from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                    .leftJoin(PLAN_ITEM_COST).on(PLAN_ITEM_COST.PLAN_ITEM_ID.eq(PLAN_ITEM.ID))
                    .where(PLAN_ITEM.PLAN_ID.eq(planId))
                    .groupBy(SHOT.CODE, PLAN_ITEM.PLANNED_COST, PLAN_ITEM.START_DATE)
                    .fetchMap(SHOT.CODE);
            assertThat(items).hasSize(1_300);
            for (PlannedShot shot : plan.shots()) {
                var stored = items.get(shot.shotCode());
                assertThat(stored.value2()).isEqualByComparingTo(shot.cost());
                assertThat(stored.value3()).isEqualTo(shot.start());
                BigDecimal artists = shot.artistDays().entrySet().stream().filter(d -> d.getValue().signum() != 0)
                        .map(d -> shot.costByDiscipline().getOrDefault(d.getKey(), BigDecimal.ZERO))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(stored.value4() == null ? BigDecimal.ZERO : stored.value4()).isEqualByComparingTo(artists);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aPlanThatCannotBeStoredWholeLeavesNothing(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long showId = new ShowRepository(db.dsl()).save(SHOW);
            Show fewerShots = SHOW.withShots(SHOW.shots().subList(0, 3));
            long otherShowId = new ShowRepository(db.dsl()).save(withCode(fewerShots, "OTHER"));
            PlanStore store = new PlanStore(db.dsl(), new AuditLog(db.dsl()));

            assertThatThrownBy(() -> store.save(otherShowId, null, SHOW, PLAN, "maria", false))
                    .hasMessageContaining("which the show does not");

            assertThat(new PlanQueries(db.dsl()).plans("OTHER")).isEmpty();
            assertThat(new PlanQueries(db.dsl()).plans(SHOW.code())).isEmpty();
            assertThat(new AuditLog(db.dsl()).find("plan", null, 0, 10).total()).isZero();
            assertThat(showId).isNotEqualTo(otherShowId);
        }
    }

    /** Without statistics that count them, the planner takes a new plan's items for a few rows (see TableStatistics). */
    @Test
    void theDatabaseKnowsHowManyItemsAStoredPlanHasAsSoonAsItIsStored() {
        try (Database db = TestDatabases.postgres()) {
            long showId = new ShowRepository(db.dsl()).save(SHOW);
            long planId = new PlanStore(db.dsl(), new AuditLog(db.dsl())).save(showId, null, SHOW, PLAN, "maria", false);

            assertThat(db.dsl().explain(db.dsl().selectFrom(PLAN_ITEM).where(PLAN_ITEM.PLAN_ID.eq(planId))).rows())
                    .isEqualTo(SHOW.shots().size());
            assertThat(db.dsl().explain(db.dsl().selectFrom(PLAN_ITEM_COST)).rows())
                    .isEqualTo(db.dsl().fetchCount(PLAN_ITEM_COST));
        }
    }

    private static Show withCode(Show show, String code) {
        return new Show(code, show.name(), show.currency(), show.startDate(), show.contingencyPercent(),
                show.reviewBufferDays(), show.episodes(), show.disciplines(), show.gpuPools(), show.capabilities(),
                show.bidTemplate(), show.policy(), show.crew(), show.shots());
    }
}
