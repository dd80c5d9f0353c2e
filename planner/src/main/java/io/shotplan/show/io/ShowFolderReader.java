package io.shotplan.show.io;

import io.shotplan.show.AiCapability;
import io.shotplan.show.AiPolicy;
import io.shotplan.show.BidTemplate;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Discipline;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a show folder: {@code show.yaml} (or {@code show.yml}, {@code show.json}) with the show's calendar, money,
 * crews, GPUs, AI capabilities, bid template and policy, plus the shot list CSV it names.
 */
public final class ShowFolderReader {

    private static final List<String> SHOW_FILE_NAMES = List.of("show.yaml", "show.yml", "show.json");

    public Show read(Path folder) {
        Path showFile = SHOW_FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(folder + ": no show file (expected one of "
                        + SHOW_FILE_NAMES + ")"));
        ShowFile file = mapperFor(showFile).readValue(showFile.toFile(), ShowFile.class);
        List<Shot> shots = file.shotList() == null ? List.of()
                : new ShotListCsvReader().read(folder.resolve(file.shotList()));
        return toShow(file, shots);
    }

    private static ObjectMapper mapperFor(Path file) {
        var builder = file.getFileName().toString().endsWith(".json") ? JsonMapper.builder() : YAMLMapper.builder();
        return builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static Show toShow(ShowFile f, List<Shot> shots) {
        List<Episode> episodes = list(f.episodes()).map(e -> new Episode(e.code(), e.title(), e.deliveryDate(), e.budget()))
                .toList();
        List<Discipline> disciplines = list(f.disciplines())
                .map(d -> new Discipline(d.code(), Objects.requireNonNullElse(d.name(), d.code()), d.dayRate())).toList();
        List<GpuPool> pools = list(f.gpuPools())
                .map(p -> new GpuPool(p.code(), p.gpuType(), p.count(), p.hourlyRate(), p.hoursPerDay())).toList();
        List<AiCapability> capabilities = list(f.aiCapabilities()).map(c -> new AiCapability(c.code(), c.workType(),
                Objects.requireNonNullElse(c.tier(), "standard"), c.gpuPool(), c.vendor(), c.vendorPricePerSecond(),
                Objects.requireNonNullElse(c.gpuSecondsPerFrame(), BigDecimal.ZERO),
                c.referenceResolution() == null ? Resolution.HD : Resolution.parse(c.referenceResolution()),
                c.reviewDiscipline(), Objects.requireNonNullElse(c.reviewDaysPer100Frames(), BigDecimal.ZERO),
                Objects.requireNonNullElse(c.rejectionRisk(), BigDecimal.ZERO), c.model())).toList();
        BidTemplate bid = new BidTemplate(list(f.bidTemplate())
                .map(b -> new BidTemplate.Entry(b.workType(), b.complexity(), b.daysPer100Frames())).toList());
        AiPolicy policy = f.policy() == null ? AiPolicy.UNRESTRICTED : new AiPolicy(
                Objects.requireNonNullElse(f.policy().maxAiSharePerEpisode(), BigDecimal.ONE),
                Set.copyOf(Objects.requireNonNullElse(f.policy().neverAiWorkTypes(), List.of())));
        CrewPlan crew = new CrewPlan(
                list(f.crew()).map(c -> new CrewPlan.Capacity(c.discipline(), c.from(), c.artists())).toList(),
                list(f.calendarExceptions())
                        .map(e -> new CrewPlan.Exception(e.day(), e.discipline(), e.artists(), e.reason())).toList());
        return new Show(f.code(), f.name(), f.currency(), f.startDate(),
                Objects.requireNonNullElse(f.contingencyPercent(), BigDecimal.ZERO),
                Objects.requireNonNullElse(f.reviewBufferDays(), 0), episodes, disciplines, pools, capabilities, bid,
                policy, crew, shots);
    }

    private static <T> Stream<T> list(List<T> entries) {
        return entries == null ? Stream.empty() : entries.stream();
    }

    static UncheckedIOException unreadable(Path file, IOException e) {
        return new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
}
