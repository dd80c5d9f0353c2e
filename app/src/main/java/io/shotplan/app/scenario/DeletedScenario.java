package io.shotplan.app.scenario;

import java.util.List;

/** A deleted scenario and the versions of the plans solved for it, which are kept without a scenario. */
public record DeletedScenario(String scenario, List<Integer> plansKept) {
}
