package health.ordo.adapter.web.connector;

import health.ordo.application.port.in.connector.ListConnectorTypesQuery;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * {@code GET /api/v1/connector-types}: the connector types a tenant admin can configure, Ordo's own and those of the
 * installed plug-ins, with the settings each takes (and which of them are secrets). TENANT_ADMIN only, like connectors.
 */
@Controller("/api/v1/connector-types")
@Secured("TENANT_ADMIN")
@Tag(name = "Connectors")
class ConnectorTypeController {

    @Serdeable
    record Setting(String name, boolean required, boolean secret, String description) {
    }

    @Serdeable
    record ConnectorType(@Schema(example = "oracle-fusion-invoice-holds") String type, String description,
                         @Schema(description = "built-in, or the plug-in (jar or folder in the plug-in folder) that brought it",
                                 example = "built-in") String origin,
                         List<Setting> settings) {
    }

    @Serdeable
    record ConnectorTypeList(List<ConnectorType> items) {
    }

    private final ListConnectorTypesQuery types;

    ConnectorTypeController(ListConnectorTypesQuery types) {
        this.types = types;
    }

    @Get
    @Operation(summary = "Connector types this deployment can run, built-in and from plug-ins, with their settings")
    ConnectorTypeList list() {
        return new ConnectorTypeList(types.connectorTypes().stream().map(t -> new ConnectorType(t.type(), t.description(), t.origin(),
                t.settings().stream().map(s -> new Setting(s.name(), s.required(), s.secret(), s.description())).toList())).toList());
    }
}
