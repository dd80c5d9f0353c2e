package io.shotplan.app.shot;

import io.shotplan.show.ShotStatus;

/**
 * What the shots list is narrowed to; every field optional.
 *
 * @param mode the mode in the show's current plan (its baseline, else its latest plan): TRADITIONAL, AI, AI_VENDOR
 */
public record ShotFilter(String episode, String workType, PlannedMode mode, ShotStatus status) {

    public enum PlannedMode { TRADITIONAL, AI, AI_VENDOR }
}
