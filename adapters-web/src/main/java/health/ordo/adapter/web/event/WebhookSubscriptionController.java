package health.ordo.adapter.web.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.adapter.web.api.PathIds;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.event.WebhookDelivery;
import health.ordo.application.port.in.event.WebhookSubscriptionNotFoundException;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase;
import health.ordo.domain.event.WebhookSubscription;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions of the tenant (TENANT_ADMIN): create (the signing secret is in the answer, once), list, change,
 * rotate the secret with an overlap, delete, the deliveries with every attempt, and replay of a range of events.
 */
@Controller("/api/v1/webhook-subscriptions")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Events")
class WebhookSubscriptionController {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WebhookSubscription")
    record SubscriptionDto(String id, String url, List<String> eventTypes, @Nullable String description, boolean enabled,
                           boolean phiAllowed, String createdBy, Instant createdAt, Instant secretCreatedAt,
                           @Nullable Instant previousSecretValidUntil, @Nullable Instant failingSince, @Nullable String disabledReason,
                           @Nullable @Schema(description = "the signing secret: only in the answer to a creation or a rotation") String secret) {

        static SubscriptionDto of(WebhookSubscription s, boolean withSecret) {
            Instant previous = s.secrets().stream().filter(x -> x.notAfter() != null).map(WebhookSubscription.Secret::notAfter)
                    .findFirst().orElse(null);
            return new SubscriptionDto(s.id().toString(), s.url(), s.eventTypes().stream().sorted().toList(), s.description(), s.enabled(),
                    s.phiAllowed(), s.createdBy(), s.createdAt(), s.current().createdAt(), previous, s.failingSince(), s.disabledReason(),
                    withSecret ? s.current().value() : null);
        }
    }

    @Serdeable
    record SubscriptionList(List<SubscriptionDto> items) {
    }

    @Serdeable
    record NewSubscription(@Nullable String url, @Nullable List<String> eventTypes, @Nullable String description,
                           @Nullable Boolean phiAllowed) {
    }

    @Serdeable
    record SubscriptionChange(@Nullable String url, @Nullable List<String> eventTypes, @Nullable String description,
                              @Nullable Boolean enabled, @Nullable Boolean phiAllowed) {
    }

    @Serdeable
    record Rotation(@Nullable Integer overlapHours) {
    }

    @Serdeable
    record Replay(@Nullable Long fromPosition, @Nullable Long toPosition, @Nullable Instant from, @Nullable Instant to,
                  @Nullable List<UUID> eventIds) {
    }

    @Serdeable
    record Replayed(int queued) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttemptDto(int attempt, Instant at, @Nullable Integer statusCode, long latencyMillis, @Nullable String error) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WebhookDelivery")
    record DeliveryDto(long id, String eventId, String eventType, String subject, long position, boolean replay,
                       @Schema(allowableValues = {"PENDING", "DELIVERED", "DEAD"}) String status, int attempts,
                       @Nullable Instant nextAttemptAt, @Nullable Integer lastStatusCode, @Nullable String lastError, Instant createdAt,
                       @Nullable Instant deliveredAt, List<AttemptDto> attemptLog) {

        static DeliveryDto of(WebhookDelivery d) {
            return new DeliveryDto(d.id(), d.eventId().toString(), d.eventType(), d.subject(), d.position(), d.replay(), d.status().name(),
                    d.attempts(), d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null, d.lastStatusCode(), d.lastError(),
                    d.createdAt(), d.deliveredAt(), d.attemptLog().stream()
                    .map(a -> new AttemptDto(a.attempt(), a.at(), a.statusCode(), a.latencyMillis(), a.error())).toList());
        }
    }

    @Serdeable
    record DeliveryList(List<DeliveryDto> items) {
    }

    private final WebhookSubscriptionsUseCase subscriptions;

    WebhookSubscriptionController(WebhookSubscriptionsUseCase subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to events (no eventTypes: all); the answer holds the signing secret, shown this once",
            description = "The URL must pass the deployment's outbound policy. Deliveries are CloudEvents signed per Standard Webhooks "
                    + "(webhook-id, webhook-timestamp, webhook-signature). phiAllowed includes free-text fields that may hold PHI.")
    HttpResponse<SubscriptionDto> create(Authentication authentication, @Body NewSubscription body) {
        Caller caller = Caller.of(authentication);
        WebhookSubscription created = subscriptions.create(caller.tenant(), body.url(), body.eventTypes(), body.description(),
                Boolean.TRUE.equals(body.phiAllowed()), caller.actor().name());
        return HttpResponse.created(SubscriptionDto.of(created, true), URI.create("/api/v1/webhook-subscriptions/" + created.id()));
    }

    @Get
    @Operation(summary = "The tenant's webhook subscriptions (never their secrets)")
    SubscriptionList list(Authentication authentication) {
        return new SubscriptionList(subscriptions.list(Caller.of(authentication).tenant()).stream().map(s -> SubscriptionDto.of(s, false)).toList());
    }

    @Get("/{id}")
    @Operation(summary = "One webhook subscription, with its failure record")
    SubscriptionDto get(Authentication authentication, @PathVariable String id) {
        return SubscriptionDto.of(subscriptions.get(Caller.of(authentication).tenant(), uuid(id)), false);
    }

    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the URL, the event types, the description, enable or disable, grant or withdraw PHI; fields left out stay")
    SubscriptionDto change(Authentication authentication, @PathVariable String id, @Body SubscriptionChange body) {
        return SubscriptionDto.of(subscriptions.change(Caller.of(authentication).tenant(), uuid(id), body.url(), body.eventTypes(),
                body.description(), body.enabled(), body.phiAllowed()), false);
    }

    @Post(value = "/{id}:rotate-secret", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "A new signing secret (in the answer, once); the previous one keeps signing for overlapHours (default 24)")
    SubscriptionDto rotate(Authentication authentication, @PathVariable String id, @Nullable @Body Rotation body) {
        int hours = body == null || body.overlapHours() == null ? 24 : body.overlapHours();
        if (hours < 0 || hours > 168) {
            throw new InvalidRequestException("overlapHours", "overlapHours is between 0 and 168");
        }
        return SubscriptionDto.of(subscriptions.rotate(Caller.of(authentication).tenant(), uuid(id), Duration.ofHours(hours)), true);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the subscription: nothing more is sent to it")
    void delete(Authentication authentication, @PathVariable String id) {
        subscriptions.delete(Caller.of(authentication).tenant(), uuid(id));
    }

    @Get("/{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first, each with every attempt (status code, latency, error)")
    DeliveryList deliveries(Authentication authentication, @PathVariable String id, @Nullable @QueryValue String status,
                            @Nullable @QueryValue Integer limit) {
        WebhookDelivery.Status wanted;
        try {
            wanted = status == null ? null : WebhookDelivery.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "status must be PENDING, DELIVERED or DEAD");
        }
        return new DeliveryList(subscriptions.deliveries(Caller.of(authentication).tenant(), uuid(id), wanted, limit == null ? 50 : limit)
                .stream().map(DeliveryDto::of).toList());
    }

    @Post(value = "/{id}:replay", consumes = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a range of events again (by feed position, by time, or by event id), with their original webhook-id",
            description = "Only events of the subscription's types are queued; at most 10,000 per replay.")
    Replayed replay(Authentication authentication, @PathVariable String id, @Body Replay body) {
        return new Replayed(subscriptions.replay(Caller.of(authentication).tenant(), uuid(id), new WebhookSubscriptionsUseCase.ReplayRange(
                body.fromPosition(), body.toPosition(), body.from(), body.to(), body.eventIds())));
    }

    private static UUID uuid(String id) {
        return PathIds.uuid(id, WebhookSubscriptionNotFoundException::new);
    }
}
