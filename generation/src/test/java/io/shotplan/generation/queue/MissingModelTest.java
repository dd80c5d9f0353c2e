package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.sql.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A plan's AI capabilities without a registered model are known before dispatch and listed by it, on both databases. */
class MissingModelTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void thePlanNamesEachCapabilityWithoutAModelAndItsShotsBeforeDispatch(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "MIS", 5, 2, 1, "roto-ai");
            // one shot on a capability with a model, one traditional shot on roto-ai (not sent to AI)
            db.dsl().update(PLAN_ITEM).set(PLAN_ITEM.CAPABILITY_CODE, "upres-x2")
                    .where(PLAN_ITEM.SHOT_ID.eq(show.shotIds().get(0))).execute();
            db.dsl().update(PLAN_ITEM).set(PLAN_ITEM.MODE, "TRADITIONAL")
                    .where(PLAN_ITEM.SHOT_ID.eq(show.shotIds().get(1))).execute();
            try (GenerationService service = new GenerationService(db.dsl(), GenerationConfig.defaults(dir),
                    new SimpleMeterRegistry(), new FakeProcessor(dir, 1), Clock.systemUTC())) {

                var missing = service.capabilitiesWithoutModel(show.planId());

                assertThat(missing).containsExactly(new MissingModel("roto-ai", 3));
                assertThat(MissingModel.line(missing))
                        .isEqualTo("No model is registered for roto-ai (3 AI shots): dispatch skips them.");
                assertThat(db.dsl().fetchCount(GENERATION_JOB)).isZero(); // known before anything is dispatched

                DispatchResult dispatched = service.dispatchPlan(show.planId());
                assertThat(dispatched.withoutModel()).containsExactly(new MissingModel("roto-ai", 3));
                assertThat(dispatched.skipped()).hasSize(3)
                        .allMatch(line -> line.endsWith("no model is registered for capability roto-ai"));
                assertThat(db.dsl().fetchCount(GENERATION_JOB.join(SHOT).on(SHOT.ID.eq(GENERATION_JOB.SHOT_ID)),
                        GENERATION_JOB.CAPABILITY_CODE.eq("upres-x2"))).isEqualTo(1);
            }
        }
    }
}
