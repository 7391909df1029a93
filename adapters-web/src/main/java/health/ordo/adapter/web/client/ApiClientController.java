package health.ordo.adapter.web.client;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.client.ApiClientView;
import health.ordo.application.port.in.client.ManageApiClientsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/api-clients} (TENANT_ADMIN): machine clients of the tenant. The secret is in the answer of a creation or
 * rotation only, never again.
 */
@Controller("/api/v1/api-clients")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Machine clients")
@SerdeImport(ApiClientView.class)
class ApiClientController {

    @Serdeable
    record CreateRequest(@Nullable String name, @Nullable Set<String> scopes) {
    }

    @Serdeable
    record RotateRequest(@Nullable Integer graceMinutes) {
    }

    @Serdeable
    record IssuedDto(ApiClientView client, String clientId, String clientSecret) {
    }

    @Serdeable
    record ClientList(List<ApiClientView> items) {
    }

    private final ManageApiClientsUseCase clients;

    ApiClientController(ManageApiClientsUseCase clients) {
        this.clients = clients;
    }

    @Post
    @Operation(summary = "Create a machine client (scopes read, ingest); the secret is shown once")
    HttpResponse<IssuedDto> create(Authentication authentication, @Nullable @Body CreateRequest body) {
        if (body == null) {
            throw new InvalidRequestException("name", "name is required");
        }
        Caller caller = Caller.of(authentication);
        ManageApiClientsUseCase.IssuedSecret issued = clients.create(caller.tenant(), body.name(), body.scopes(), caller.actor().name());
        return HttpResponse.created(new IssuedDto(issued.client(), issued.client().clientId(), issued.clientSecret()),
                URI.create("/api/v1/api-clients/" + issued.client().clientId())).header("Cache-Control", "no-store");
    }

    @Get
    @Operation(summary = "The tenant's machine clients (no secrets)")
    ClientList list(Authentication authentication) {
        return new ClientList(clients.list(Caller.of(authentication).tenant()));
    }

    @Post("/{clientId}:rotate")
    @Operation(summary = "Issue a new secret; the old one keeps working for graceMinutes (default 1440)")
    HttpResponse<IssuedDto> rotate(Authentication authentication, @PathVariable String clientId, @Nullable @Body RotateRequest body) {
        Integer grace = body == null ? null : body.graceMinutes();
        ManageApiClientsUseCase.IssuedSecret issued = clients.rotate(Caller.of(authentication).tenant(), clientId,
                grace == null ? null : Duration.ofMinutes(grace));
        return HttpResponse.ok(new IssuedDto(issued.client(), clientId, issued.clientSecret())).header("Cache-Control", "no-store");
    }

    @Delete("/{clientId}")
    @Operation(summary = "Revoke: no new tokens, and the tokens already issued stop working within seconds")
    ApiClientView revoke(Authentication authentication, @PathVariable String clientId) {
        return clients.revoke(Caller.of(authentication).tenant(), clientId);
    }
}
