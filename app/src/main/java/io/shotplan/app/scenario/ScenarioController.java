package io.shotplan.app.scenario;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shows/{show}/scenarios")
@Tag(name = "Scenarios", description = "What-ifs on budgets, dates, crew, GPUs and AI policy; solve one to compare its plan")
class ScenarioController {

    record NewScenario(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{1,100}") String name,
                       @Size(max = 2000) String description,
                       @NotNull @Valid ScenarioChanges changes) {
    }

    private final ScenarioRepository scenarios;

    ScenarioController(ScenarioRepository scenarios) {
        this.scenarios = scenarios;
    }

    @GetMapping
    List<Scenario> list(@PathVariable String show) {
        return scenarios.list(show);
    }

    @PostMapping
    @Operation(summary = "Create a scenario (PRODUCER; audited)")
    ResponseEntity<Scenario> create(@PathVariable String show, @Valid @RequestBody NewScenario body) {
        Scenario created = scenarios.create(show, body.name().trim(), body.description(), body.changes());
        return ResponseEntity.created(URI.create("/api/shows/" + show + "/scenarios/" + created.id())).body(created);
    }
}
