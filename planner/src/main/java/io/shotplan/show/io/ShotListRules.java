package io.shotplan.show.io;

import io.shotplan.show.BidTemplate;
import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules a list of new shots must keep with each other and with its show, whatever file they came from:
 * unique codes, known episodes and work types, a bid row for each work type and complexity, frame counts and plate
 * sizes within the import limits, dependencies on shots that exist and no dependency cycles.
 */
final class ShotListRules {

    private ShotListRules() {
    }

    /**
     * Checks the shots read well; {@code complete} says no row failed to read, so that a dependency on a shot
     * missing from {@code shots} really is unknown (otherwise those checks wait for the file to be fixed).
     */
    static void check(List<LocatedShot> shots, ShotListContext context, ImportLimits limits, Problems problems,
                      boolean complete) {
        Map<String, LocatedShot> byCode = new HashMap<>();
        for (LocatedShot located : shots) {
            Shot shot = located.shot();
            LocatedShot first = byCode.putIfAbsent(shot.code(), located);
            if (first != null) {
                problems.add(located.cell(ShotColumn.CODE, shot.code()), "duplicate shot code " + shot.code()
                        + (first.line() > 0 ? "; first on line " + first.line() : ""));
            } else if (!context.update() && context.existingShots().contains(shot.code())) {
                problems.add(located.cell(ShotColumn.CODE, shot.code()), "shot " + shot.code()
                        + " already exists in the show; shot codes are unique");
            }
            if (!context.episodes().contains(shot.episode())) {
                problems.add(located.cell(ShotColumn.EPISODE, shot.episode()), "unknown episode '" + shot.episode()
                        + "'; the show has " + known(context.episodes()));
            }
            checkBid(located, context.bidTemplate(), problems);
            checkSize(located, limits, problems);
        }
        if (!complete) {
            return;
        }
        for (LocatedShot located : shots) {
            for (String predecessor : located.shot().dependsOn()) {
                if (!byCode.containsKey(predecessor) && !context.existingShots().contains(predecessor)) {
                    problems.add(located.cell(ShotColumn.DEPENDS_ON, predecessor), "depends on unknown shot '"
                            + predecessor + "'; expected the code of a shot in this file or in the show");
                }
            }
        }
        for (List<String> cycle : cycles(shots)) {
            LocatedShot first = byCode.get(cycle.getFirst());
            problems.add(first.cell(ShotColumn.DEPENDS_ON, ""), "dependency cycle: " + String.join(" → ", cycle)
                    + "; a shot cannot wait for itself");
        }
    }

    private static void checkBid(LocatedShot located, BidTemplate bid, Problems problems) {
        Shot shot = located.shot();
        if (!bid.knowsWorkType(shot.workType())) {
            Set<String> workTypes = bid.entries().stream().map(BidTemplate.Entry::workType).collect(Collectors.toSet());
            problems.add(located.cell(ShotColumn.WORK_TYPE, shot.workType()), "unknown work type '" + shot.workType()
                    + "'; the bid template has " + known(workTypes));
        } else if (bid.find(shot.workType(), shot.complexity()).isEmpty()) {
            String levels = bid.entries().stream().filter(e -> e.workType().equals(shot.workType()))
                    .map(e -> String.valueOf(e.complexity())).sorted().collect(Collectors.joining(", "));
            problems.add(located.cell(ShotColumn.COMPLEXITY, String.valueOf(shot.complexity())),
                    "the bid template has no row for work type '" + shot.workType() + "' at complexity "
                            + shot.complexity() + "; it has complexity " + levels);
        }
    }

    /** A shot the planner, the render queue and the plates can hold: its frames and its plate's sides are bounded. */
    private static void checkSize(LocatedShot located, ImportLimits limits, Problems problems) {
        Shot shot = located.shot();
        if (shot.frameCount() > limits.maxFramesPerShot()) {
            problems.add(located.cell(ShotColumn.FRAME_COUNT, String.valueOf(shot.frameCount())), shot.frameCount()
                    + " frames is more than the limit of " + limits.maxFramesPerShot()
                    + " per shot (shotplan.import.max-frames-per-shot); split the shot or fix the count");
        }
        Resolution plate = shot.resolution();
        if (plate.width() > limits.maxResolutionSide() || plate.height() > limits.maxResolutionSide()) {
            problems.add(located.cell(ShotColumn.RESOLUTION, plate.toString()), "plate " + plate
                    + " is larger than the limit of " + limits.maxResolutionSide()
                    + " pixels per side (shotplan.import.max-resolution-side)");
        }
    }

    private static String known(Set<String> codes) {
        if (codes.isEmpty()) {
            return "none";
        }
        TreeSet<String> sorted = new TreeSet<>(codes);
        return sorted.size() <= 20 ? String.join(", ", sorted) : sorted.size() + " of them, " + sorted.first() + " to " + sorted.last();
    }

    /**
     * Every dependency cycle among the new shots, each named once from its first shot in file order:
     * [A, B, C, A]. Iterative depth-first search, so 100,000 chained shots do not overflow the stack.
     */
    static List<List<String>> cycles(List<LocatedShot> shots) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        shots.forEach(s -> edges.putIfAbsent(s.shot().code(), s.shot().dependsOn()));
        Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the path, 2: done
        List<List<String>> cycles = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (String start : edges.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> next = new ArrayDeque<>();
            path.push(start);
            next.push(edges.get(start).iterator());
            state.put(start, 1);
            while (!path.isEmpty()) {
                Iterator<String> it = next.peek();
                if (!it.hasNext()) {
                    state.put(path.pop(), 2);
                    next.pop();
                    continue;
                }
                String to = it.next();
                if (!edges.containsKey(to)) {
                    continue; // an existing shot or an unknown one: reported elsewhere, no cycle through it
                }
                Integer s = state.get(to);
                if (s == null) {
                    state.put(to, 1);
                    path.push(to);
                    next.push(edges.get(to).iterator());
                } else if (s == 1) {
                    List<String> cycle = new ArrayList<>();
                    Iterator<String> back = path.descendingIterator();
                    boolean in = false;
                    while (back.hasNext()) {
                        String code = back.next();
                        in |= code.equals(to);
                        if (in) {
                            cycle.add(code);
                        }
                    }
                    if (seen.add(Set.copyOf(cycle))) {
                        cycle.add(to);
                        cycles.add(cycle);
                    }
                }
            }
        }
        return cycles;
    }
}
