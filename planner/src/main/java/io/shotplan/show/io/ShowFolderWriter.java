package io.shotplan.show.io;

import io.shotplan.show.AiCapability;
import io.shotplan.show.BidTemplate;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Discipline;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.RateCard;
import io.shotplan.show.Show;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a show as a show folder, {@code show.yaml}, {@code shots.csv} and (when shots have hand bids)
 * {@code estimates.csv}, that {@link ShowFolderReader} reads
 * back to the same show: an export of what is stored, in the format producers edit.
 */
public final class ShowFolderWriter {

    public static final String SHOW_FILE = "show.yaml";
    public static final String SHOT_LIST = "shots.csv";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    public void write(Show show, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(SHOW_FILE), showFile(show), StandardCharsets.UTF_8);
            new ShotListCsvWriter().write(show.shots(), folder.resolve(SHOT_LIST));
            if (hasHandBids(show)) {
                new EstimatesCsvWriter().write(show.shots(), folder.resolve(ShowFolderReader.ESTIMATES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The show file's text, everything but the shots. */
    public String showFile(Show show) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("code", show.code());
        file.put("name", show.name());
        file.put("currency", show.currency());
        if (!show.rateCurrency().equals(show.currency())) {
            file.put("rate_currency", show.rateCurrency());
        }
        file.put("start_date", show.startDate().toString());
        file.put("contingency_percent", show.contingencyPercent());
        file.put("review_buffer_days", show.reviewBufferDays());
        file.put("episodes", show.episodes().stream().map(ShowFolderWriter::episode).toList());
        file.put("disciplines", show.disciplines().stream().map(ShowFolderWriter::discipline).toList());
        file.put("crew", show.crew().capacities().stream().map(ShowFolderWriter::capacity).toList());
        file.put("calendar_exceptions", show.crew().exceptions().stream().map(ShowFolderWriter::exception).toList());
        file.put("gpu_pools", show.gpuPools().stream().map(ShowFolderWriter::pool).toList());
        if (!show.rateChanges().isEmpty()) {
            file.put("rate_cards", show.rateChanges().stream().map(c -> rateCard(c, show.rateCurrency())).toList());
        }
        file.put("ai_capabilities", show.capabilities().stream().map(c -> capability(c, show.currency())).toList());
        file.put("bid_template", show.bidTemplate().entries().stream().map(ShowFolderWriter::bid).toList());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("max_ai_share_per_episode", show.policy().maxAiSharePerEpisode());
        policy.put("never_ai_work_types", new ArrayList<>(new java.util.TreeSet<>(show.policy().neverAiWorkTypes())));
        file.put("policy", policy);
        file.put("shot_list", SHOT_LIST);
        return YAML.writeValueAsString(file);
    }

    private static boolean hasHandBids(Show show) {
        return show.shots().stream().anyMatch(s -> !s.estimateOverrides().isEmpty());
    }

    private static Map<String, Object> episode(Episode e) {
        return entries("code", e.code(), "title", e.title(), "delivery_date", e.deliveryDate().toString(), "budget", e.budget());
    }

    private static Map<String, Object> discipline(Discipline d) {
        return entries("code", d.code(), "name", d.name(), "day_rate", d.dayRate());
    }

    private static Map<String, Object> capacity(CrewPlan.Capacity c) {
        return entries("discipline", c.discipline(), "from", c.from().toString(), "artists", c.artists());
    }

    private static Map<String, Object> exception(CrewPlan.Exception x) {
        return entries("day", x.day().toString(), "discipline", x.discipline(), "artists", x.artists(), "reason", x.reason());
    }

    private static Map<String, Object> pool(GpuPool p) {
        return entries("code", p.code(), "gpu_type", p.gpuType(), "count", p.gpuCount(), "hourly_rate", p.hourlyRate(),
                "hours_per_day", p.hoursPerDay());
    }

    private static Map<String, Object> rateCard(RateCard c, String rateCurrency) {
        Map<String, Object> card = entries("name", c.name(), "effective_from", c.effectiveFrom().toString());
        if (!c.currency().equals(rateCurrency)) {
            card.put("currency", c.currency());
        }
        if (!c.dayRates().isEmpty()) {
            card.put("day_rates", new java.util.TreeMap<>(c.dayRates()));
        }
        if (!c.hourlyRates().isEmpty()) {
            card.put("hourly_rates", new java.util.TreeMap<>(c.hourlyRates()));
        }
        return card;
    }

    private static Map<String, Object> capability(AiCapability c, String showCurrency) {
        return entries("code", c.code(), "work_type", c.workType(), "tier", c.tier(), "gpu_pool", c.gpuPool(),
                "vendor", c.vendor(), "vendor_price_per_second", c.vendorPricePerSecond(),
                "currency", showCurrency.equals(c.vendorCurrency()) ? null : c.vendorCurrency(),
                "gpu_seconds_per_frame", c.gpuSecondsPerFrame(), "reference_resolution", c.referenceResolution().toString(),
                "review_discipline", c.reviewDiscipline(), "review_days_per_100_frames", c.reviewDaysPer100Frames(),
                "rejection_risk", c.rejectionRisk(), "model", c.model());
    }

    private static Map<String, Object> bid(BidTemplate.Entry b) {
        return entries("work_type", b.workType(), "complexity", b.complexity(), "days_per_100_frames",
                new TreeMap<>(b.daysPer100FramesByDiscipline()));
    }

    /** Key-value pairs in order, leaving out absent values. */
    private static Map<String, Object> entries(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
