package io.shotplan.app.schedule;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.shotplan.app.plan.PlanQueries;
import io.shotplan.app.plan.PlanView.Bar;
import io.shotplan.app.plan.PlanView.EpisodeLine;
import io.shotplan.app.plan.PlanView.Item;
import io.shotplan.app.plan.PlanView.TimelineRow;
import io.shotplan.app.web.WebTest;
import io.shotplan.show.io.ShowFolderReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.ResourceAssignment;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.mspdi.MSPDIReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A stored plan as MS Project XML, read back with MPXJ's own MSPDI reader. */
class MsProjectExportApiTest extends WebTest {

    /** The small example show under its own code, with one shot waiting for another. */
    private static final String MSP = "MSP";

    @Autowired
    PlanQueries plans;

    @TempDir
    Path dir;

    @Test
    void thePlanReadsBackAsShotTasksUnderEpisodesWithResourcesLinksAndDeliveries() throws Exception {
        long planId = storedPlan();

        byte[] xml = mvc.perform(get("/api/plans/" + planId + "/ms-project.xml").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"plan-" + planId + "-schedule.xml\""))
                .andReturn().getResponse().getContentAsByteArray();
        ProjectFile project = new MSPDIReader().read(new ByteArrayInputStream(xml));

        Map<String, Task> tasks = project.getTasks().stream().filter(t -> t.getName() != null)
                .collect(Collectors.toMap(Task::getName, Function.identity()));
        List<Item> items = plans.items(planId);
        assertThat(items).isNotEmpty();
        for (EpisodeLine episode : plans.episodes(planId)) {
            Task summary = tasks.get(episode.code() + " " + episode.title());
            assertThat(summary.getSummary()).isTrue();
            List<String> shots = items.stream().filter(i -> i.episode().equals(episode.code())).map(Item::shot).toList();
            assertThat(shots).isNotEmpty();
            assertThat(summary.getChildTasks()).extracting(Task::getName)
                    .containsExactlyInAnyOrderElementsOf(concat(shots, episode.code() + " delivery"));
            Task delivery = tasks.get(episode.code() + " delivery");
            assertThat(delivery.getMilestone()).isTrue();
            assertThat(delivery.getFinish().toLocalDate()).isEqualTo(episode.deliveryDate());
        }
        for (Item item : items) {
            Task shot = tasks.get(item.shot());
            assertThat(shot.getStart().toLocalDate()).as(item.shot()).isEqualTo(item.start());
            assertThat(shot.getFinish().toLocalDate()).as(item.shot()).isEqualTo(item.end());
            assertThat(shot.getSummary()).isFalse();
        }

        // every discipline's artist-days and every GPU pool's GPU-hours of the plan, on the shot's task
        int checked = 0;
        for (TimelineRow row : plans.timeline(planId).rows()) {
            if (row.kind().equals("VENDOR")) {
                continue;
            }
            TimeUnit unit = row.kind().equals("DISCIPLINE") ? TimeUnit.DAYS : TimeUnit.HOURS;
            for (Bar bar : row.bars()) {
                ResourceAssignment assignment = tasks.get(bar.shot()).getResourceAssignments().stream()
                        .filter(a -> row.code().equals(a.getResource().getCode())).findFirst().orElseThrow();
                assertThat(assignment.getWork().convertUnits(unit, project.getProjectProperties()).getDuration())
                        .as(bar.shot() + " " + row.code()).isCloseTo(bar.load().doubleValue(), within(0.001));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(items.size() / 2);
        assertThat(project.getResources()).extracting(r -> r.getCode()).contains("comp", "render-a");

        List<Relation> links = tasks.get("EP101_010_0030").getPredecessors();
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getTargetTask().getName()).isEqualTo("EP101_010_0010");
            assertThat(link.getType()).isEqualTo(RelationType.FINISH_START);
        });
    }

    @Test
    void theShowsCurrentPlanDownloadsAndAnUnknownShowOrPlanIsNotFound() throws Exception {
        storedPlan();

        byte[] xml = mvc.perform(get("/api/shows/" + MSP + "/ms-project.xml").with(as(FINANCE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ProjectFile project = new MSPDIReader().read(new ByteArrayInputStream(xml));
        assertThat(project.getTasks()).extracting(Task::getName).contains("EP101_010_0010", "EP102 delivery");

        mvc.perform(get("/api/shows/NOPE/ms-project.xml").with(as(FINANCE))).andExpect(status().isNotFound());
        mvc.perform(get("/api/plans/999999/ms-project.xml").with(as(FINANCE))).andExpect(status().isNotFound());
    }

    private long storedPlan() throws Exception {
        if (shows.findId(MSP).isEmpty()) {
            Path folder = Files.createDirectories(dir.resolve("msp"));
            Path small = Path.of("src/test/resources/shows/small");
            Files.writeString(folder.resolve("show.yaml"), Files.readString(small.resolve("show.yaml"))
                    .replace("code: TST", "code: " + MSP));
            Files.writeString(folder.resolve("shots.csv"), Files.readString(small.resolve("shots.csv"))
                    .replace(",NOT_STARTED,,V-1003", ",NOT_STARTED,EP101_010_0010,V-1003"));
            shows.save(new ShowFolderReader().read(folder));
        }
        String started = mvc.perform(post("/api/shows/" + MSP + "/plans").with(as(PRODUCER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 2}"))
                .andReturn().getResponse().getContentAsString();
        return awaitPlan(JsonPath.read(started, "$.id"));
    }

    private static List<String> concat(List<String> shots, String milestone) {
        return java.util.stream.Stream.concat(shots.stream(), java.util.stream.Stream.of(milestone)).toList();
    }
}
