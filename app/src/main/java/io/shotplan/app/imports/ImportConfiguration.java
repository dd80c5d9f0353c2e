package io.shotplan.app.imports;

import io.shotplan.show.io.ImportLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The import size limits, overridable as {@code shotplan.import.max-file-bytes} and {@code shotplan.import.max-rows}. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportLimits importLimits(@Value("${shotplan.import.max-file-bytes:" + ImportLimits.DEFAULT_MAX_FILE_BYTES + "}") long maxFileBytes,
                              @Value("${shotplan.import.max-rows:" + ImportLimits.DEFAULT_MAX_ROWS + "}") int maxRows) {
        return new ImportLimits(maxFileBytes, maxRows);
    }
}
