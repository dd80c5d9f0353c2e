package io.shotplan.app.scenario;

import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SCENARIO;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.web.ConflictException;
import io.shotplan.app.web.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Scenarios in the scenario table, their changes stored as JSON. */
@Repository
public class ScenarioRepository {

    private final DSLContext dsl;
    private final AuditLog audit;

    public ScenarioRepository(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    public List<Scenario> list(String showCode) {
        return dsl.select(SCENARIO.ID, SHOW.CODE, SCENARIO.NAME, SCENARIO.DESCRIPTION, SCENARIO.CHANGES, SCENARIO.CREATED_AT)
                .from(SCENARIO).join(SHOW).on(SHOW.ID.eq(SCENARIO.SHOW_ID))
                .where(SHOW.ID.eq(showId(showCode))).orderBy(SCENARIO.NAME)
                .fetch(r -> new Scenario(r.value1(), r.value2(), r.value3(), r.value4(), ScenarioChanges.fromJson(r.value5()), r.value6()));
    }

    public Optional<Scenario> find(String showCode, String name) {
        return list(showCode).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The scenario named so, or else the one with that id: a name wins because it is what producers see and type,
     * and a name may well be all digits.
     */
    public Scenario get(String showCode, String nameOrId) {
        List<Scenario> all = list(showCode);
        return all.stream().filter(s -> s.name().equals(nameOrId)).findFirst()
                .or(() -> all.stream().filter(s -> String.valueOf(s.id()).equals(nameOrId)).findFirst())
                .orElseThrow(() -> new NotFoundException("scenario", showCode + "/" + nameOrId));
    }

    public Scenario create(String showCode, String name, String description, ScenarioChanges changes) {
        long showId = showId(showCode);
        dsl.transaction(tx -> {
            refuseTaken(tx.dsl(), showCode, showId, name, null);
            String json = changes.toJson();
            tx.dsl().insertInto(SCENARIO).set(SCENARIO.SHOW_ID, showId).set(SCENARIO.NAME, name)
                    .set(SCENARIO.DESCRIPTION, description).set(SCENARIO.CHANGES, json).execute();
            audit.record(tx.dsl(), "CREATE", "scenario", showCode + "/" + name, json);
        });
        return find(showCode, name).orElseThrow();
    }

    /** Replaces a scenario's name, description and changes; plans solved for it stay tied to it. */
    public Scenario update(String showCode, String nameOrId, String name, String description, ScenarioChanges changes) {
        Scenario old = get(showCode, nameOrId);
        long showId = showId(showCode);
        dsl.transaction(tx -> {
            refuseTaken(tx.dsl(), showCode, showId, name, old.id());
            String json = changes.toJson();
            tx.dsl().update(SCENARIO).set(SCENARIO.NAME, name).set(SCENARIO.DESCRIPTION, description)
                    .set(SCENARIO.CHANGES, json).where(SCENARIO.ID.eq(old.id())).execute();
            audit.record(tx.dsl(), "UPDATE", "scenario", showCode + "/" + name,
                    (old.name().equals(name) ? "" : "renamed from '" + old.name() + "'; ") + json);
        });
        return find(showCode, name).orElseThrow();
    }

    /**
     * Deletes a scenario. Its plans are kept, no longer tied to a scenario (the plan table's foreign key sets their scenario to null):
     * a stored plan may be the baseline or dispatched, so it must outlive the what-if that produced it. The audit
     * entry keeps the changes those plans were solved with.
     */
    public DeletedScenario delete(String showCode, String nameOrId) {
        Scenario scenario = get(showCode, nameOrId);
        return dsl.transactionResult(tx -> {
            List<Integer> versions = tx.dsl().select(PLAN.VERSION).from(PLAN).where(PLAN.SCENARIO_ID.eq(scenario.id()))
                    .orderBy(PLAN.VERSION).fetch(PLAN.VERSION);
            tx.dsl().deleteFrom(SCENARIO).where(SCENARIO.ID.eq(scenario.id())).execute();
            audit.record(tx.dsl(), "DELETE", "scenario", showCode + "/" + scenario.name(),
                    "plans kept without a scenario: " + versions + "; changes were " + scenario.changes().toJson());
            return new DeletedScenario(scenario.name(), versions);
        });
    }

    private static void refuseTaken(DSLContext tx, String showCode, long showId, String name, Long except) {
        var sameName = SCENARIO.SHOW_ID.eq(showId).and(SCENARIO.NAME.eq(name));
        if (tx.fetchExists(SCENARIO, except == null ? sameName : sameName.and(SCENARIO.ID.ne(except)))) {
            throw new ConflictException("scenario '" + name + "' already exists for show " + showCode);
        }
    }

    private long showId(String showCode) {
        return dsl.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq(showCode)).fetchOptional(SHOW.ID)
                .orElseThrow(() -> new NotFoundException("show", showCode));
    }
}
