package io.shotplan.show;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The studio's bid template: artist-days per discipline per 100 frames, by work type and complexity (1–5). */
public record BidTemplate(List<Entry> entries) {

    public record Entry(String workType, int complexity, Map<String, BigDecimal> daysPer100FramesByDiscipline) {
        public Entry {
            daysPer100FramesByDiscipline = Map.copyOf(daysPer100FramesByDiscipline);
        }
    }

    public BidTemplate {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> find(String workType, int complexity) {
        return entries.stream()
                .filter(e -> e.workType().equals(workType) && e.complexity() == complexity)
                .findFirst();
    }

    public boolean knowsWorkType(String workType) {
        return entries.stream().anyMatch(e -> e.workType().equals(workType));
    }
}
