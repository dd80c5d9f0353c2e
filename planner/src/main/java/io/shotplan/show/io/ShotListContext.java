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
 * @param update         the file revises the show: a row may name a stored shot (it is updated, not a duplicate)
 */
public record ShotListContext(
        Set<String> episodes,
        BidTemplate bidTemplate,
        Set<String> existingShots,
        String defaultEpisode,
        BigDecimal defaultFps,
        Resolution defaultResolution,
        boolean update) {

    public static final BigDecimal DEFAULT_FPS = BigDecimal.valueOf(24);

    public ShotListContext {
        episodes = Set.copyOf(episodes);
        existingShots = Set.copyOf(existingShots);
    }

    /** New shots for a stored show. */
    public static ShotListContext of(Show show) {
        return new ShotListContext(show.episodes().stream().map(Episode::code).collect(Collectors.toSet()),
                show.bidTemplate(), show.shots().stream().map(Shot::code).collect(Collectors.toSet()), null,
                DEFAULT_FPS, Resolution.HD, false);
    }

    /** A revised shot list or pull for a stored show: its rows add shots or update the stored ones. */
    public static ShotListContext forUpdate(Show show) {
        return of(show).withUpdate(true);
    }

    ShotListContext withUpdate(boolean revises) {
        return new ShotListContext(episodes, bidTemplate, existingShots, defaultEpisode, defaultFps, defaultResolution,
                revises);
    }

    public ShotListContext withDefaultEpisode(String episode) {
        return new ShotListContext(episodes, bidTemplate, existingShots, episode, defaultFps, defaultResolution, update);
    }
}
