package io.shotplan.show.io;

import io.shotplan.show.RateCards;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What actuals are checked against: the show's (reporting) currency, its shots and its rate cards, which price a
 * timesheet day at the card in force on it.
 */
public record ActualsContext(String currency, Set<String> shots, RateCards rateCards) {

    public ActualsContext {
        shots = Set.copyOf(shots);
    }

    public static ActualsContext of(Show show) {
        return new ActualsContext(show.currency(), show.shots().stream().map(Shot::code).collect(Collectors.toSet()),
                show.rateCards());
    }

    /** The show's discipline codes. */
    Set<String> disciplines() {
        return rateCards.all().getFirst().dayRates().keySet();
    }
}
