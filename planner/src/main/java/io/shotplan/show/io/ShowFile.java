package io.shotplan.show.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The show file (YAML or JSON) as written by people, field for field; {@link ShowFolderReader} turns it into a Show. */
record ShowFile(
        String code,
        String name,
        String currency,
        LocalDate startDate,
        BigDecimal contingencyPercent,
        Integer reviewBufferDays,
        List<EpisodeEntry> episodes,
        List<DisciplineEntry> disciplines,
        List<CrewEntry> crew,
        List<ExceptionEntry> calendarExceptions,
        List<GpuPoolEntry> gpuPools,
        List<CapabilityEntry> aiCapabilities,
        List<BidEntry> bidTemplate,
        PolicyEntry policy,
        String shotList) {

    record EpisodeEntry(String code, String title, LocalDate deliveryDate, BigDecimal budget) {
    }

    record DisciplineEntry(String code, String name, BigDecimal dayRate) {
    }

    record CrewEntry(String discipline, LocalDate from, BigDecimal artists) {
    }

    record ExceptionEntry(LocalDate day, String discipline, BigDecimal artists, String reason) {
    }

    record GpuPoolEntry(String code, String gpuType, Integer count, BigDecimal hourlyRate, BigDecimal hoursPerDay) {
    }

    record CapabilityEntry(String code, String workType, String tier, String gpuPool, String vendor,
                           BigDecimal vendorPricePerSecond, BigDecimal gpuSecondsPerFrame, String referenceResolution,
                           String reviewDiscipline,
                           @JsonProperty("review_days_per_100_frames") BigDecimal reviewDaysPer100Frames, BigDecimal rejectionRisk,
                           String model) {
    }

    record BidEntry(String workType, Integer complexity,
                    @JsonProperty("days_per_100_frames") Map<String, BigDecimal> daysPer100Frames) {
    }

    record PolicyEntry(BigDecimal maxAiSharePerEpisode, List<String> neverAiWorkTypes) {
    }
}
