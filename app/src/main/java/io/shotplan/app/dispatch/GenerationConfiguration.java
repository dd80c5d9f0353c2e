package io.shotplan.app.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generation module inside the app: plates and renders under the data folder, built-in models. */
@Configuration
class GenerationConfiguration {

    @Bean(destroyMethod = "close")
    GenerationService generationService(DSLContext dsl, @Value("${shotplan.data-dir}") Path dataDir,
                                        ObjectProvider<MeterRegistry> meters) {
        return new GenerationService(dsl, GenerationConfig.defaults(dataDir),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
