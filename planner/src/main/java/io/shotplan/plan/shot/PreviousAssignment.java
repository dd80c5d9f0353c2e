package io.shotplan.plan.shot;

import java.time.LocalDate;

/** Where the current plan has a shot: what a re-plan keeps for shots in progress or done, and measures churn against. */
public record PreviousAssignment(String modeLabel, LocalDate start) {
}
