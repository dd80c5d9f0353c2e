package io.shotplan.show.io;

import io.shotplan.show.BidTemplate;
import io.shotplan.show.Episode;
import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the show a shot list goes into already knows: its episodes, its bid template's work types, the codes of
 * the shots it has (a new shot may depend on them, and may not reuse their codes) and the defaults for blank cells.
 *
 * @param defaultEpisode the episode of shots whose file names none; null when the file must name one
 */
public record ShotListContext(
        Set<String> episodes,
        BidTemplate bidTemplate,
        Set<String> existingShots,
        String defaultEpisode,
        BigDecimal defaultFps,
        Resolution defaultResolution) {

    public static final BigDecimal DEFAULT_FPS = BigDecimal.valueOf(24);

    public ShotListContext {
        episodes = Set.copyOf(episodes);
        existingShots = Set.copyOf(existingShots);
    }

    /** New shots for a stored show. */
    public static ShotListContext of(Show show) {
        return new ShotListContext(show.episodes().stream().map(Episode::code).collect(Collectors.toSet()),
                show.bidTemplate(), show.shots().stream().map(Shot::code).collect(Collectors.toSet()), null,
                DEFAULT_FPS, Resolution.HD);
    }

    public ShotListContext withDefaultEpisode(String episode) {
        return new ShotListContext(episodes, bidTemplate, existingShots, episode, defaultFps, defaultResolution);
    }
}
