package io.shotplan.plan.shot.rules;

import java.time.LocalDate;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * A shot with its decoded schedule, as the business rules check it: its mode (the planning variable), start and
 * finish periods (finish exclusive), and the facts the rules need (plate date, dependencies, eligibility, pins,
 * previous plan).
 */
@PlanningEntity
public class ShotPlacement {

    private String shotCode;
    private String episode;
    private List<ModeChoice> options;
    private int start;
    private LocalDate startDate;
    private int platePeriod;
    private List<String> dependsOn;
    /** Null when AI is allowed; otherwise why not ("marked human-only"). */
    private String whyNotAi;
    private String pinnedMode;
    private Integer pinnedStart;
    private String previousMode;
    private Integer previousStart;

    @PlanningVariable
    private ModeChoice mode;

    public ShotPlacement() {
    }

    public ShotPlacement(String shotCode, String episode, List<ModeChoice> options, ModeChoice mode, int start,
            LocalDate startDate, int platePeriod, List<String> dependsOn, String whyNotAi, String pinnedMode,
            Integer pinnedStart, String previousMode, Integer previousStart) {
        this.shotCode = shotCode;
        this.episode = episode;
        this.options = List.copyOf(options);
        this.mode = mode;
        this.start = start;
        this.startDate = startDate;
        this.platePeriod = platePeriod;
        this.dependsOn = List.copyOf(dependsOn);
        this.whyNotAi = whyNotAi;
        this.pinnedMode = pinnedMode;
        this.pinnedStart = pinnedStart;
        this.previousMode = previousMode;
        this.previousStart = previousStart;
    }

    @ValueRangeProvider
    public List<ModeChoice> getOptions() {
        return options;
    }

    public String getShotCode() {
        return shotCode;
    }

    public String getEpisode() {
        return episode;
    }

    public ModeChoice getMode() {
        return mode;
    }

    public void setMode(ModeChoice mode) {
        this.mode = mode;
    }

    public int getStart() {
        return start;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    /** Exclusive: the first period after the shot's last working day. */
    public int getFinish() {
        return start + mode.workingDays();
    }

    public int getPlatePeriod() {
        return platePeriod;
    }

    public List<String> getDependsOn() {
        return dependsOn;
    }

    public String getWhyNotAi() {
        return whyNotAi;
    }

    public String getPinnedMode() {
        return pinnedMode;
    }

    public Integer getPinnedStart() {
        return pinnedStart;
    }

    public String getPreviousMode() {
        return previousMode;
    }

    public Integer getPreviousStart() {
        return previousStart;
    }

    public boolean isAi() {
        return mode.ai();
    }

    public long getCostCents() {
        return mode.costCents();
    }

    @Override
    public String toString() {
        return shotCode;
    }
}
