package io.shotplan.app.schedule;

import io.shotplan.app.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Schedules out: a show's calendar feed behind its token. */
@RestController
@Tag(name = "Schedules", description = "The show's dates as an iCalendar feed")
class ScheduleController {

    private final CalendarFeed calendar;

    ScheduleController(CalendarFeed calendar) {
        this.calendar = calendar;
    }

    @PostMapping("/api/shows/{show}/calendar")
    @Operation(summary = "A new address for the show's calendar feed (PRODUCER); the old address stops working")
    Map<String, String> newFeed(@PathVariable String show) {
        return Map.of("url", "/calendar/" + calendar.newToken(show) + ".ics");
    }

    /** Public: the token in the address is the credential, so calendar apps can subscribe. */
    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        String ics = calendar.feed(token).orElseThrow(() -> new NotFoundException("calendar", "feed"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8")).body(ics);
    }
}
