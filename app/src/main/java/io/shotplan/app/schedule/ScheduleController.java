package io.shotplan.app.schedule;

import io.shotplan.app.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Schedules out: a show's calendar feed behind its token, and plans as MS Project XML. */
@RestController
@Tag(name = "Schedules", description = "The show's dates as an iCalendar feed; plans as MS Project XML")
class ScheduleController {

    private final CalendarFeed calendar;
    private final MsProjectExport msProject;

    ScheduleController(CalendarFeed calendar, MsProjectExport msProject) {
        this.calendar = calendar;
        this.msProject = msProject;
    }

    @GetMapping("/api/shows/{show}/ms-project.xml")
    @Operation(summary = "The current plan (the baseline, else the newest) as MS Project XML: a task per shot under "
            + "its episode, disciplines and GPU pools as resources, dependencies, delivery milestones")
    ResponseEntity<byte[]> currentPlan(@PathVariable String show) throws IOException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        msProject.writeCurrent(show, xml);
        return xml(show + "-schedule.xml", xml);
    }

    @GetMapping("/api/plans/{id}/ms-project.xml")
    @Operation(summary = "A stored plan as MS Project XML")
    ResponseEntity<byte[]> plan(@PathVariable long id) throws IOException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        msProject.write(id, xml);
        return xml("plan-" + id + "-schedule.xml", xml);
    }

    private static ResponseEntity<byte[]> xml(String fileName, ByteArrayOutputStream xml) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MsProjectExport.MEDIA_TYPE))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").body(xml.toByteArray());
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
