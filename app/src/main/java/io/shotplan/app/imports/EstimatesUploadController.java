package io.shotplan.app.imports;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.show.io.Source;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads supervisors' hand bids beside the other imports ({@code /api/imports/...}, producers only): all or nothing,
 * a rejected file answers 422 with every problem.
 */
@RestController
@Tag(name = "Imports")
class EstimatesUploadController {

    private final ImportService imports;
    private final AuditLog audit;

    EstimatesUploadController(ImportService imports, AuditLog audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @PostMapping(path = "/api/imports/estimates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Set shots' hand-bid estimates from an estimates.csv (PRODUCER); each shot named gets exactly "
            + "the file's bids", responses = @ApiResponse(responseCode = "422", description = "rejected: every problem "
            + "with file, line, column, field"))
    ImportResult estimates(@RequestParam String show, @RequestPart("file") MultipartFile file) throws IOException {
        String given = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? file.getName()
                : file.getOriginalFilename().replace('\\', '/');
        String name = given.substring(given.lastIndexOf('/') + 1); // a browser may send the client's whole path
        ImportResult result = imports.importEstimates(show, Source.of(name, file.getInputStream()));
        audit.record("IMPORT", "show", show, result.summary());
        return result;
    }
}
