package io.shotplan.app.scenario;

import java.time.OffsetDateTime;

/** A named what-if of a show. */
public record Scenario(long id, String show, String name, String description, ScenarioChanges changes,
                       OffsetDateTime createdAt) {
}
