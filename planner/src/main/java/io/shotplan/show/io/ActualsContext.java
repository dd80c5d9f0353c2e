package io.shotplan.show.io;

import io.shotplan.show.Discipline;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What actuals are checked against: the show's currency, its shots and its rate card's day rates. */
public record ActualsContext(String currency, Set<String> shots, Map<String, BigDecimal> dayRates) {

    public ActualsContext {
        shots = Set.copyOf(shots);
        dayRates = Map.copyOf(dayRates);
    }

    public static ActualsContext of(Show show) {
        return new ActualsContext(show.currency(), show.shots().stream().map(Shot::code).collect(Collectors.toSet()),
                show.disciplines().stream().collect(Collectors.toMap(Discipline::code, Discipline::dayRate)));
    }
}
