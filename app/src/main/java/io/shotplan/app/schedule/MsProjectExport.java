package io.shotplan.app.schedule;

import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOT_DEPENDENCY;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.app.imports.UnknownShowException;
import io.shotplan.app.plan.PlanQueries;
import io.shotplan.app.plan.PlanView.EpisodeLine;
import io.shotplan.app.plan.PlanView.Item;
import io.shotplan.app.plan.PlanView.PlanSummary;
import io.shotplan.app.plan.PlanView.TimelineRow;
import io.shotplan.app.shot.ShotQueries;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.show.CrewPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.mpxj.ConstraintType;
import net.sf.mpxj.Duration;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceAssignment;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.mspdi.MSPDIWriter;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A stored plan as Microsoft Project XML (MSPDI, which Project, ProjectLibre and most schedulers open), written with
 * MPXJ: a summary task per episode holding a task per shot at its planned dates and the episode's delivery as a
 * milestone; disciplines and GPU pools as resources, each shot assigned the artist-days and GPU-hours the plan gives
 * it; the shots' dependencies as finish-to-start links. Each shot starts no earlier than its planned start, so a
 * scheduler that recalculates keeps the plan's dates instead of pulling every shot to the first day.
 */
@Service
public class MsProjectExport {

    public static final String MEDIA_TYPE = "application/xml";

    /** MS Project's standard calendar: 08:00 to 17:00 with an hour's lunch, eight working hours, Monday to Friday. */
    private static final LocalTime DAY_START = LocalTime.of(8, 0);
    private static final LocalTime DAY_END = LocalTime.of(17, 0);
    private static final int HOURS_PER_DAY = 8;
    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);

    private final DSLContext dsl;
    private final ShotQueries shotQueries;
    private final PlanQueries plans;

    public MsProjectExport(DSLContext dsl, ShotQueries shotQueries, PlanQueries plans) {
        this.dsl = dsl;
        this.shotQueries = shotQueries;
        this.plans = plans;
    }

    /** The show's current plan (the baseline, else the newest). */
    public void writeCurrent(String showCode, OutputStream out) throws IOException {
        long showId = dsl.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq(showCode)).fetchOptional(SHOW.ID)
                .orElseThrow(() -> new UnknownShowException(showCode));
        long planId = shotQueries.currentPlanId(showId)
                .orElseThrow(() -> new NotFoundException("plan of show", showCode));
        write(planId, out);
    }

    public void write(long planId, OutputStream out) throws IOException {
        new MSPDIWriter().write(project(plans.summary(planId)), out);
    }

    private ProjectFile project(PlanSummary plan) {
        ProjectFile project = new ProjectFile();
        project.setDefaultCalendar(project.addDefaultBaseCalendar());
        var show = dsl.select(SHOW.ID, SHOW.NAME, SHOW.CURRENCY).from(SHOW).where(SHOW.CODE.eq(plan.show())).fetchSingle();
        var properties = project.getProjectProperties();
        properties.setName(plan.show() + " plan v" + plan.version());
        properties.setProjectTitle(show.value2() + " (" + plan.show() + "), plan v" + plan.version()
                + (plan.scenario() == null ? "" : ", scenario " + plan.scenario()));
        properties.setCurrencyCode(show.value3());
        properties.setMinutesPerDay(HOURS_PER_DAY * 60);

        List<Item> items = plans.items(plan.id());
        items.stream().map(Item::start).min(LocalDate::compareTo).ifPresent(start -> properties.setStartDate(start.atTime(DAY_START)));
        Map<String, Task> shotTasks = new HashMap<>();
        // tasks in outline order (episode, its shots, its delivery): MSPDI readers rebuild the tree from that order
        for (EpisodeLine episode : plans.episodes(plan.id())) {
            List<Item> shots = items.stream().filter(i -> i.episode().equals(episode.code())).toList();
            Task summary = project.addTask();
            summary.setName(episode.code() + (episode.title() == null ? "" : " " + episode.title()));
            summary.setSummary(true);
            LocalDate first = shots.stream().map(Item::start).min(LocalDate::compareTo).orElse(episode.deliveryDate());
            LocalDate last = shots.stream().map(Item::end).max(LocalDate::compareTo).orElse(episode.deliveryDate());
            summary.setStart(first.atTime(DAY_START));
            summary.setFinish((last.isAfter(episode.deliveryDate()) ? last : episode.deliveryDate()).atTime(DAY_END));
            summary.setCost(episode.plannedCost());
            shots.forEach(item -> shotTasks.put(item.shot(), shot(summary.addTask(), item)));
            delivery(summary.addTask(), episode);
        }
        resources(project, plan.id(), shotTasks);
        dependencies(show.value1(), shotTasks);
        project.getTasks().synchronizeTaskIDToHierarchy();
        return project;
    }

    private static Task shot(Task task, Item item) {
        task.setName(item.shot());
        task.setStart(item.start().atTime(DAY_START));
        task.setFinish(item.end().atTime(DAY_END));
        task.setDuration(Duration.getInstance(workingDays(item.start(), item.end()), TimeUnit.DAYS));
        task.setConstraintType(ConstraintType.START_NO_EARLIER_THAN);
        task.setConstraintDate(item.start().atTime(DAY_START));
        task.setCost(item.plannedCost());
        task.setNotes(item.workType() + ", " + (item.capability() == null ? item.mode() : item.mode() + " " + item.capability())
                + (item.reason() == null ? "" : ": " + item.reason()));
        return task;
    }

    private static void delivery(Task milestone, EpisodeLine episode) {
        milestone.setName(episode.code() + " delivery");
        milestone.setMilestone(true);
        milestone.setStart(episode.deliveryDate().atTime(DAY_END));
        milestone.setFinish(episode.deliveryDate().atTime(DAY_END));
        milestone.setDuration(Duration.getInstance(0, TimeUnit.DAYS));
        milestone.setConstraintType(ConstraintType.MUST_FINISH_ON);
        milestone.setConstraintDate(episode.deliveryDate().atTime(DAY_END));
    }

    /**
     * A resource per discipline and GPU pool the plan uses, with each shot's artist-days (as working days) and
     * GPU-hours (as hours) on it. The assignment's units are that work spread over the shot's days, so a scheduler
     * that recalculates keeps both the work and the dates. Vendors' shots carry their quote as the task's cost.
     */
    private void resources(ProjectFile project, long planId, Map<String, Task> shotTasks) {
        for (TimelineRow row : plans.timeline(planId).rows()) {
            boolean discipline = row.kind().equals("DISCIPLINE");
            if (!discipline && !row.kind().equals("GPU_POOL")) {
                continue;
            }
            Resource resource = project.addResource();
            resource.setName(row.name() == null ? row.code() : row.name());
            resource.setCode(row.code());
            resource.setGroup(discipline ? "Discipline" : "GPU pool");
            resource.setType(ResourceType.WORK);
            for (var bar : row.bars()) {
                Task task = shotTasks.get(bar.shot());
                BigDecimal hours = discipline ? bar.load().multiply(BigDecimal.valueOf(HOURS_PER_DAY)) : bar.load();
                ResourceAssignment assignment = task.addResourceAssignment(resource);
                assignment.setWork(discipline ? Duration.getInstance(bar.load().doubleValue(), TimeUnit.DAYS)
                        : Duration.getInstance(bar.load().doubleValue(), TimeUnit.HOURS));
                assignment.setStart(task.getStart());
                assignment.setFinish(task.getFinish());
                BigDecimal available = BigDecimal.valueOf((long) HOURS_PER_DAY * workingDays(bar.start(), bar.end()));
                assignment.setUnits(hours.multiply(PERCENT).divide(available, 2, java.math.RoundingMode.HALF_EVEN));
            }
        }
    }

    private void dependencies(long showId, Map<String, Task> shotTasks) {
        var shot = SHOT.as("shot");
        var predecessor = SHOT.as("predecessor");
        dsl.select(shot.CODE, predecessor.CODE).from(SHOT_DEPENDENCY)
                .join(shot).on(shot.ID.eq(SHOT_DEPENDENCY.SHOT_ID))
                .join(predecessor).on(predecessor.ID.eq(SHOT_DEPENDENCY.DEPENDS_ON_SHOT_ID))
                .where(shot.SHOW_ID.eq(showId)).orderBy(shot.CODE, predecessor.CODE)
                .forEach(r -> {
                    Task after = shotTasks.get(r.value1());
                    Task before = shotTasks.get(r.value2());
                    if (after != null && before != null) { // an omitted shot has no task
                        after.addPredecessor(new Relation.Builder().targetTask(before).type(RelationType.FINISH_START));
                    }
                });
    }

    /** Working days from start to end, both included: the planner's calendar (weekends off). */
    private static int workingDays(LocalDate start, LocalDate end) {
        return (int) start.datesUntil(end.plusDays(1)).filter(CrewPlan::isWorkingDay).count();
    }
}
