package health.ordo.adapter.web.connector;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** {@code /api/v1/connectors}: the tenant's source connectors (ERP, HR, claims) with health, cursor and counters. */
@Controller("/api/v1/connectors")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Connectors")
@SerdeImport(ConnectorStatus.class)
@SerdeImport(ConnectorRejection.class)
class ConnectorController {

    @Serdeable
    record ConnectorList(List<ConnectorStatus> items) {
    }

    @Serdeable
    record RejectionList(List<ConnectorRejection> items) {
    }

    private final ConnectorUseCase connectors;

    ConnectorController(ConnectorUseCase connectors) {
        this.connectors = connectors;
    }

    @Get
    @Operation(summary = "The tenant's connectors: health (UP, DEGRADED, DOWN, NEVER_RUN) with reason, cursor, last run, totals")
    ConnectorList list(Authentication authentication) {
        return new ConnectorList(connectors.list(Caller.of(authentication).tenant()));
    }

    @Post("/{name}/sync")
    @Operation(summary = "Pull what changed at the source now (skipped when another node is syncing it)")
    ConnectorStatus sync(Authentication authentication, @PathVariable String name) {
        return connectors.syncNow(Caller.of(authentication).tenant(), name);
    }

    @Get("/{name}/rejections")
    @Operation(summary = "Source records the connector could not map, newest first, with location and reason")
    RejectionList rejections(Authentication authentication, @PathVariable String name, @Nullable @QueryValue Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 500) {
            throw new InvalidRequestException("limit", "limit must be between 1 and 500");
        }
        return new RejectionList(connectors.rejections(Caller.of(authentication).tenant(), name, size));
    }
}
