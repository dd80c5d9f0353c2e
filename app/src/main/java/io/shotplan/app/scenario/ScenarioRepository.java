package io.shotplan.app.scenario;

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

    public Scenario create(String showCode, String name, String description, ScenarioChanges changes) {
        long showId = showId(showCode);
        dsl.transaction(tx -> {
            if (tx.dsl().fetchExists(SCENARIO, SCENARIO.SHOW_ID.eq(showId).and(SCENARIO.NAME.eq(name)))) {
                throw new ConflictException("scenario '" + name + "' already exists for show " + showCode);
            }
            String json = changes.toJson();
            tx.dsl().insertInto(SCENARIO).set(SCENARIO.SHOW_ID, showId).set(SCENARIO.NAME, name)
                    .set(SCENARIO.DESCRIPTION, description).set(SCENARIO.CHANGES, json).execute();
            audit.record(tx.dsl(), "CREATE", "scenario", showCode + "/" + name, json);
        });
        return find(showCode, name).orElseThrow();
    }

    private long showId(String showCode) {
        return dsl.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq(showCode)).fetchOptional(SHOW.ID)
                .orElseThrow(() -> new NotFoundException("show", showCode));
    }
}
