package io.shotplan.app.upload;

import io.shotplan.app.imports.ImportResult;
import io.shotplan.app.imports.ImportService;
import io.shotplan.app.imports.RevisionReport;
import io.shotplan.app.imports.ShotRevisions;
import io.shotplan.show.Resolution;
import io.shotplan.show.io.EdlOptions;
import io.shotplan.show.io.Source;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Multipart uploads into the import service: all or nothing. A rejected file answers 422 with the RFC 9457 type
 * {@code https://shotplan.io/problems/import-rejected} and a {@code problems} list of {file, line, column, field,
 * message}.
 */
@RestController
@Tag(name = "Imports", description = "Upload a show folder, a shot list, an EDL, hand bids or actual costs; all or nothing, every problem listed")
class UploadController {

    private final ImportService imports;
    private final ShotRevisions revisions;

    UploadController(ImportService imports, ShotRevisions revisions) {
        this.imports = imports;
        this.revisions = revisions;
    }

    @PostMapping(path = "/api/imports/show", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a show (PRODUCER): show.yaml or show.json and the shot list it names, as files",
            responses = @ApiResponse(responseCode = "422", description = "rejected: every problem with file, line, column, field"))
    ImportResult show(@RequestPart("files") List<MultipartFile> files,
                      @RequestParam(defaultValue = "false") boolean replace) {
        Map<String, Source> byName = sources(files);
        Source showFile = byName.values().stream()
                .filter(s -> s.name().matches("(?i)show\\.(ya?ml|json)")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("upload show.yaml (or show.json) with the shot list it names; got "
                        + String.join(", ", byName.keySet())));
        Function<String, Optional<Source>> siblings = name -> Optional.ofNullable(byName.get(baseName(name)));
        return imports.importShow(showFile, siblings, replace);
    }

    @PostMapping(path = "/api/imports/shots", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add shots to a show from a shot list CSV (PRODUCER)")
    ImportResult shots(@RequestParam String show, @RequestParam(required = false) String episode,
                       @RequestPart("file") MultipartFile file) {
        return imports.importShots(show, source(file), episode);
    }

    @PostMapping(path = "/api/imports/shots/revision", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Update a show's shots from a revised shot list CSV (PRODUCER), as `shotplan import shots "
            + "--update`: dryRun answers the diff and writes nothing; omitMissing omits the file's episodes' shots it no "
            + "longer has")
    RevisionReport shotsRevision(@RequestParam String show, @RequestParam(required = false) String episode,
                                 @RequestParam(defaultValue = "false") boolean omitMissing,
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestPart("file") MultipartFile file) {
        return revisions.shotList(show, source(file), episode, new ShotRevisions.Options(omitMissing, dryRun));
    }

    @PostMapping(path = "/api/imports/edl", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add the shots of an editorial pull (a CMX 3600 EDL or an OpenTimelineIO .otio) to an episode "
            + "(PRODUCER); the same import as `shotplan import edl`")
    ImportResult edl(@RequestParam String show, @RequestParam String episode, @RequestParam String workType,
                     @RequestParam(defaultValue = "24") BigDecimal fps, @RequestParam(defaultValue = "3") int complexity,
                     @RequestParam(defaultValue = "1920x1080") String resolution,
                     @RequestParam(required = false) String shotName, @RequestParam(defaultValue = "0") int handles,
                     @RequestPart("file") MultipartFile file) {
        return imports.importEdl(show, source(file),
                edlOptions(episode, workType, fps, complexity, resolution, shotName, handles));
    }

    @PostMapping(path = "/api/imports/edl/revision", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Update an episode's shots from a revised editorial pull, EDL or .otio (PRODUCER), as "
            + "`shotplan import edl --update`: dryRun answers the diff and writes nothing")
    RevisionReport edlRevision(@RequestParam String show, @RequestParam String episode, @RequestParam String workType,
                               @RequestParam(defaultValue = "24") BigDecimal fps,
                               @RequestParam(defaultValue = "3") int complexity,
                               @RequestParam(defaultValue = "1920x1080") String resolution,
                               @RequestParam(required = false) String shotName,
                               @RequestParam(defaultValue = "0") int handles,
                               @RequestParam(defaultValue = "false") boolean omitMissing,
                               @RequestParam(defaultValue = "false") boolean dryRun,
                               @RequestPart("file") MultipartFile file) {
        return revisions.editorial(show, source(file),
                edlOptions(episode, workType, fps, complexity, resolution, shotName, handles),
                new ShotRevisions.Options(omitMissing, dryRun));
    }

    private static EdlOptions edlOptions(String episode, String workType, BigDecimal fps, int complexity,
                                         String resolution, String shotName, int handles) {
        Resolution plate;
        try {
            plate = Resolution.parse(resolution);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resolution: expected WIDTHxHEIGHT such as 1920x1080, got '" + resolution + "'");
        }
        return new EdlOptions(episode, fps, workType, complexity, plate, EdlOptions.shotNamePattern(shotName), handles);
    }

    @PostMapping(path = "/api/imports/estimates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Set shots' hand-bid estimates from an estimates.csv (PRODUCER); each shot named gets exactly "
            + "the file's bids")
    ImportResult estimates(@RequestParam String show, @RequestPart("file") MultipartFile file) {
        return imports.importEstimates(show, source(file));
    }

    @PostMapping(path = "/api/shows/{show}/actuals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import actual costs (timesheets, invoices) into the ledger (FINANCE)")
    ImportResult actuals(@PathVariable String show, @RequestPart("file") MultipartFile file) {
        return imports.importActuals(show, source(file));
    }

    @PostMapping(path = "/api/shows/{show}/exchange-rates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Store dated exchange rates from a CSV of currency,effective_from,rate, where the rate is units"
            + " of the currency per one unit of the show's currency (FINANCE); all or nothing, audited")
    ImportResult exchangeRates(@PathVariable String show, @RequestPart("file") MultipartFile file) {
        return imports.importExchangeRates(show, source(file));
    }

    private static Map<String, Source> sources(List<MultipartFile> files) {
        List<Source> sources = new ArrayList<>();
        for (MultipartFile file : files) {
            sources.add(source(file));
        }
        return sources.stream().collect(Collectors.toMap(Source::name, s -> s, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The upload streamed from the part the server spooled to disk: the import limit is enforced as it is read. */
    private static Source source(MultipartFile file) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? file.getName() : baseName(file.getOriginalFilename());
        return Source.of(name, file::getInputStream);
    }

    private static String baseName(String name) {
        String plain = name.replace('\\', '/');
        return plain.substring(plain.lastIndexOf('/') + 1);
    }
}
