package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One shot in the plan: its mode, its dates (start and last working day), what it costs by discipline and in GPU
 * hours, what it would cost by artists alone from the same start ({@code traditionalCost}), and why it got that mode.
 */
public record PlannedShot(String shotCode, String episode, String modeLabel, String modeKind, LocalDate start,
        LocalDate lastDay, int workingDays, BigDecimal cost, Map<String, BigDecimal> costByDiscipline,
        Map<String, BigDecimal> artistDays, BigDecimal gpuHours, BigDecimal traditionalCost, boolean fixed,
        boolean pinned, ModeReason reason) {

    public PlannedShot {
        costByDiscipline = Map.copyOf(costByDiscipline);
        artistDays = Map.copyOf(artistDays);
    }

    public boolean isAi() {
        return !"TRADITIONAL".equals(modeKind);
    }
}
