package io.shotplan.app.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's title and how API clients log in: a personal API token (bearer), or HTTP Basic for a
 * person at a terminal. Served to logged-in users, or to everyone with {@code shotplan.security.public-api-docs=true}.
 */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI shotplanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("shotplan API").version("0.1.0")
                        .description("AI-or-traditional planning of VFX shots: shows, shots, scenarios, plans, dispatch, "
                                + "reports, users. Errors are RFC 9457 problem details. Roles: see the README's role matrix."))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token from POST /api/me/tokens"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
