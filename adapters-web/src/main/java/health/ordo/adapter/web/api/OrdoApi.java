package health.ordo.adapter.web.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Carries the OpenAPI document's header: title, version, licence and the bearer-token scheme. */
@OpenAPIDefinition(
        info = @Info(title = "Ordo API", version = "v1",
                description = "Decides what a healthcare back office works on next. Errors are RFC 9457 "
                        + "application/problem+json; see docs/api-errors.md.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class OrdoApi {

    private OrdoApi() {
    }
}
