package io.shotplan.app.plan;

import io.shotplan.app.plan.PlanView.Comparison;
import io.shotplan.app.plan.PlanView.PlanDetail;
import io.shotplan.app.plan.PlanView.PlanSummary;
import io.shotplan.app.plan.PlanView.Timeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.shotplan.app.shot.ShotFilter;
import io.shotplan.app.web.PageOf;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.MissingModel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Plans", description = "Stored plans: results, timeline, comparison, baseline")
class PlanController {

    private final PlanQueries plans;
    private final Baselines baselines;
    private final GenerationService generation;

    PlanController(PlanQueries plans, Baselines baselines, GenerationService generation) {
        this.plans = plans;
        this.baselines = baselines;
        this.generation = generation;
    }

    @GetMapping("/api/shows/{show}/plans")
    @Operation(summary = "A show's plans, newest first, with cost, AI share and finish")
    List<PlanSummary> list(@PathVariable String show) {
        return plans.plans(show);
    }

    @GetMapping("/api/plans/{id}")
    @Operation(summary = "A plan: per-episode budget and delivery, and every shot with its mode, dates, cost and reason")
    PlanDetail get(@PathVariable long id) {
        return plans.detail(id);
    }

    @GetMapping("/api/plans/{id}/summary")
    @Operation(summary = "A plan at a glance, with its episodes' cost against budget and finish against delivery")
    PlanDetail summary(@PathVariable long id) {
        return new PlanDetail(plans.summary(id), plans.episodes(id), List.of());
    }

    @GetMapping("/api/plans/{id}/capabilities-without-model")
    @Operation(summary = "The plan's AI capabilities that no registered model runs, with their shots: what dispatch would skip")
    List<MissingModel> capabilitiesWithoutModel(@PathVariable long id) {
        plans.summary(id); // 404 for an unknown plan
        return generation.capabilitiesWithoutModel(id);
    }

    @GetMapping("/api/plans/{id}/quality")
    @Operation(summary = "How good the plan is: its cost's gap to the least any plan within the policy can cost, the "
            + "episodes no plan can deliver on time, and the all-traditional and greedy plans beside it")
    PlanView.Quality quality(@PathVariable long id) {
        return plans.quality(id);
    }

    @GetMapping("/api/plans/{id}/items")
    @Operation(summary = "A page of the plan's shots (mode, dates, cost, reason), optionally of one episode or mode")
    PageOf<PlanView.Item> items(@PathVariable long id, @RequestParam(required = false) String episode,
                                @RequestParam(required = false) ShotFilter.PlannedMode mode,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return plans.items(id, episode, mode == null ? null : mode.name(), page, size);
    }

    @GetMapping("/api/plans/{id}/timeline")
    @Operation(summary = "The plan as a Gantt chart: rows per discipline and GPU pool (optionally one episode's shots)")
    Timeline timeline(@PathVariable long id, @RequestParam(required = false) String episode) {
        return plans.timeline(id, episode);
    }

    @GetMapping("/api/plans/compare")
    @Operation(summary = "Two plans of a show side by side, and the shots that changed")
    Comparison compare(@RequestParam long a, @RequestParam long b) {
        return plans.compare(a, b);
    }

    @PostMapping("/api/plans/{id}/baseline")
    @Operation(summary = "Lock a feasible plan as the show's baseline (PRODUCER; audited)")
    PlanSummary lock(@PathVariable long id) {
        baselines.lock(id);
        return plans.summary(id);
    }
}
