package io.shotplan.show;

import java.math.BigDecimal;
import java.util.Set;

/** What the show allows AI to do: at most a share of each episode's shots, never certain work types. */
public record AiPolicy(BigDecimal maxAiSharePerEpisode, Set<String> neverAiWorkTypes) {

    public static final AiPolicy UNRESTRICTED = new AiPolicy(BigDecimal.ONE, Set.of());

    public AiPolicy {
        neverAiWorkTypes = Set.copyOf(neverAiWorkTypes);
    }
}
