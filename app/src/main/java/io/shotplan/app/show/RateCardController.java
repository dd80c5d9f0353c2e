package io.shotplan.app.show;

import io.shotplan.app.show.RateCardEdits.CardView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shows/{show}/rate-cards")
@Tag(name = "Rate cards", description = "A show's dated rate cards: the day and GPU-hour rates in force from each date")
class RateCardController {

    /** Only the rates that change; a new card also needs a name; a currency other than the card's names every rate. */
    record CardChange(@Size(max = 200) String name, @Size(max = 3) String currency, Map<String, BigDecimal> dayRates,
                      Map<String, BigDecimal> hourlyRates) {
    }

    private final RateCardEdits edits;

    RateCardController(RateCardEdits edits) {
        this.edits = edits;
    }

    @GetMapping
    @Operation(summary = "The show's rate cards, earliest first, each whole with the days it prices")
    List<CardView> list(@PathVariable String show) {
        return edits.list(show);
    }

    @PutMapping("/{effectiveFrom}")
    @Operation(summary = "Add the card taking effect on a date, or change the one that does (PRODUCER; audited)")
    List<CardView> put(@PathVariable String show, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                       @Valid @RequestBody CardChange body) {
        return edits.put(show, effectiveFrom, new RateCardEdits.Change(body.name(), body.currency(), body.dayRates(),
                body.hourlyRates()));
    }
}
