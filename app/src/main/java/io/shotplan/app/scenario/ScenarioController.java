package io.shotplan.app.scenario;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shows/{show}/scenarios")
@Tag(name = "Scenarios", description = "What-ifs on budgets, dates, crew, GPUs and AI policy; solve one to compare its plan")
class ScenarioController {

    /** What a producer writes: a new scenario, or all of an existing one. */
    record ScenarioForm(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{1,100}") String name,
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
    ResponseEntity<Scenario> create(@PathVariable String show, @Valid @RequestBody ScenarioForm body) {
        Scenario created = scenarios.create(show, body.name().trim(), body.description(), body.changes());
        return ResponseEntity.created(URI.create("/api/shows/" + show + "/scenarios/" + created.id())).body(created);
    }

    @PutMapping("/{scenario}")
    @Operation(summary = "Replace a scenario's name, description and changes (PRODUCER; audited); {scenario} is its name "
            + "or, failing that, its id. Plans solved for it stay tied to it.")
    Scenario update(@PathVariable String show, @PathVariable String scenario, @Valid @RequestBody ScenarioForm body) {
        return scenarios.update(show, scenario, body.name().trim(), body.description(), body.changes());
    }

    @DeleteMapping("/{scenario}")
    @Operation(summary = "Delete a scenario (PRODUCER; audited); {scenario} is its name or, failing that, its id",
            responses = @ApiResponse(responseCode = "200", description = "deleted; the plans solved for it are kept, "
                    + "no longer tied to a scenario, and listed by version in plansKept"))
    DeletedScenario delete(@PathVariable String show, @PathVariable String scenario) {
        return scenarios.delete(show, scenario);
    }
}
