package health.ordo.adapter.web.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.connector.ConnectorRun;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/connectors}: the tenant's source connectors (ERP, HR, claims) — configuration with write-only secrets,
 * health, cursor and counters, sync now, runs, rejected records. TENANT_ADMIN only.
 */
@Controller("/api/v1/connectors")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Connectors")
@SerdeImport(ConnectorStatus.class)
@SerdeImport(ConnectorRejection.class)
@SerdeImport(ConnectorRun.class)
class ConnectorController {

    @Serdeable
    record ConnectorList(List<ConnectorStatus> items) {
    }

    @Serdeable
    record RejectionList(List<ConnectorRejection> items) {
    }

    @Serdeable
    record RunList(List<ConnectorRun> items) {
    }

    @Serdeable
    @Schema(name = "ConnectorConfigRequest", description = "secrets are write-only: omitted keeps the stored value, \"\" removes it, "
            + "\"env:NAME\" refers to an environment variable")
    record ConfigRequest(@Schema(example = "oracle-fusion-invoice-holds") @Nullable String type,
                         @Schema(example = "https://fa-example.oraclecloud.com") @Nullable String baseUrl,
                         @Nullable Integer pageSize, @Nullable Integer intervalSeconds, @Nullable Boolean enabled,
                         @Schema(example = "{\"auth\":\"basic\",\"username\":\"ap.integration\"}") @Nullable Map<String, String> options,
                         @Schema(example = "{\"password\":\"…\"}") @Nullable Map<String, String> secrets) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ConnectorConfig")
    record ConfigResponse(String id, String type, String baseUrl, int pageSize, long intervalSeconds, boolean enabled,
                          Map<String, String> options, @Schema(description = "names of the secrets that hold a value; values are never returned")
                          Set<String> secretsSet, long version, Instant updatedAt, String updatedBy, @Nullable ConnectorStatus status) {

        static ConfigResponse of(ConnectorConfig c, ConnectorStatus status) {
            return new ConfigResponse(c.id(), c.type(), c.shownBaseUrl(), c.pageSize(), c.interval().toSeconds(), c.enabled(),
                    c.options(), c.secretsSet(), c.version(), c.updatedAt(), c.updatedBy(), status);
        }
    }

    private final ConnectorUseCase connectors;

    ConnectorController(ConnectorUseCase connectors) {
        this.connectors = connectors;
    }

    @Get
    @Operation(summary = "The tenant's connectors: health (UP, DEGRADED, DOWN, DISABLED, NEVER_RUN) with reason, cursor, last run, totals")
    ConnectorList list(Authentication authentication) {
        return new ConnectorList(connectors.list(Caller.of(authentication).tenant()));
    }

    @Get("/{id}")
    @Operation(summary = "A connector's configuration (secrets never returned) and status")
    ConfigResponse get(Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        ConnectorConfig config = connectors.config(caller.tenant(), id);
        return ConfigResponse.of(config, status(caller, id));
    }

    @Put("/{id}")
    @Operation(summary = "Create or replace a connector (type, baseUrl, pageSize, intervalSeconds, enabled, options, write-only secrets)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The connector was created")
    io.micronaut.http.HttpResponse<ConfigResponse> put(Authentication authentication, @PathVariable String id,
                                                        @Nullable @Body ConfigRequest body) {
        if (body == null) {
            throw new InvalidRequestException("body", "a connector configuration is required");
        }
        Caller caller = Caller.of(authentication);
        boolean existed = status(caller, id) != null;
        ConnectorConfig config = connectors.configure(caller.tenant(), id, new ConnectorConfigChange(body.type(), body.baseUrl(),
                body.pageSize(), body.intervalSeconds(), body.enabled(), body.options(), body.secrets()), caller.actor().name());
        ConfigResponse response = ConfigResponse.of(config, status(caller, id));
        return existed ? io.micronaut.http.HttpResponse.ok(response)
                : io.micronaut.http.HttpResponse.created(response, java.net.URI.create("/api/v1/connectors/" + id));
    }

    private ConnectorStatus status(Caller caller, String id) {
        return connectors.list(caller.tenant()).stream().filter(s -> s.name().equals(id)).findFirst().orElse(null);
    }

    @Post("/{id}:sync")
    @Operation(summary = "Pull what changed at the source now (skipped when another node is syncing it); answers the status")
    ConnectorStatus sync(Authentication authentication, @PathVariable String id) {
        return connectors.syncNow(Caller.of(authentication).tenant(), id);
    }

    @Post("/{id}/sync")
    @Operation(summary = "Deprecated alias of POST /api/v1/connectors/{id}:sync (Deprecation and Sunset headers say until when)",
            deprecated = true)
    io.micronaut.http.HttpResponse<ConnectorStatus> syncAlias(Authentication authentication, @PathVariable String id) {
        return io.micronaut.http.HttpResponse.ok(sync(authentication, id))
                .header("Deprecation", "@1795824000")
                .header("Sunset", "Sun, 28 Nov 2027 00:00:00 GMT")
                .header("Link", "</api/v1/connectors/" + id + ":sync>; rel=\"successor-version\"");
    }

    @Get("/{id}/runs")
    @Operation(summary = "Sync runs, newest first: trigger, status, pages, fetched, created, updated, unchanged, closed, failed, error")
    RunList runs(Authentication authentication, @PathVariable String id, @Nullable @QueryValue Integer limit) {
        return new RunList(connectors.runs(Caller.of(authentication).tenant(), id, limit(limit)));
    }

    @Get("/{id}/rejections")
    @Operation(summary = "Source records the connector could not map, newest first, with location and reason")
    RejectionList rejections(Authentication authentication, @PathVariable String id, @Nullable @QueryValue Integer limit) {
        return new RejectionList(connectors.rejections(Caller.of(authentication).tenant(), id, limit(limit)));
    }

    private static int limit(Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 500) {
            throw new InvalidRequestException("limit", "limit must be between 1 and 500");
        }
        return size;
    }
}
