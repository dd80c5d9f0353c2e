package io.shotplan.generation.queue;

import java.math.BigDecimal;

/** Generation cost of one episode from the ledger: device seconds and amount, in one currency. */
public record EpisodeCost(String episodeCode, BigDecimal deviceSeconds, BigDecimal amount, String currency, int jobs) {
}
