package io.shotplan.app.imports;

import io.shotplan.show.io.ImportLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The import limits, overridable as {@code shotplan.import.max-file-bytes}, {@code shotplan.import.max-rows},
 * {@code shotplan.import.max-frames-per-shot} and {@code shotplan.import.max-resolution-side}.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportLimits importLimits(@Value("${shotplan.import.max-file-bytes:" + ImportLimits.DEFAULT_MAX_FILE_BYTES + "}") long maxFileBytes,
                              @Value("${shotplan.import.max-rows:" + ImportLimits.DEFAULT_MAX_ROWS + "}") int maxRows,
                              @Value("${shotplan.import.max-frames-per-shot:" + ImportLimits.DEFAULT_MAX_FRAMES_PER_SHOT + "}") int maxFrames,
                              @Value("${shotplan.import.max-resolution-side:" + ImportLimits.DEFAULT_MAX_RESOLUTION_SIDE + "}") int maxSide) {
        return new ImportLimits(maxFileBytes, maxRows, maxFrames, maxSide);
    }
}
