package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.connector.ConnectorNotFoundException;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import health.ordo.application.port.in.connector.InvalidConnectorException;
import health.ordo.application.port.in.event.WebhookDelivery;
import health.ordo.application.port.in.event.WebhookSubscriptionNotFoundException;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase;
import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.in.writeback.WriteBackNotFoundException;
import health.ordo.application.port.in.writeback.WriteBackUseCase;
import health.ordo.domain.event.WebhookSubscription;
import health.ordo.domain.workitem.NotAllowedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The integration engineer's view (tenant admins): each connector's health, its recent runs and rejected records, with
 * "sync now"; the write-backs that wait or failed, with retry; the webhook subscriptions with their dead deliveries, sent
 * again in one click (a replay of those events). The same use cases as {@code /api/v1/connectors}, {@code /write-backs}
 * and {@code /webhooks}.
 */
@Controller("/ui/integration")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegrationPage {

    private static final Set<String> MESSAGES = Set.of("synced", "sync-failed", "retried", "applied", "replayed", "gone");

    /** One connector with its last runs and rejections. */
    public record ConnectorView(String name, String type, String health, String reason, String lastRun, String lastSuccess,
                                String circuitOpenUntil, long created, long updated, long closed, long duplicates, long rejected,
                                List<String> runs, List<String> rejections) {
    }

    /** A write-back waiting or failed. */
    public record WriteBackView(String id, String workItem, String system, String externalId, String resolution, String status,
                                int attempts, String nextAttempt, String lastError) {
    }

    /** A webhook subscription and its dead deliveries. */
    public record WebhookView(String id, String url, boolean enabled, String failingSince, String disabledReason, List<String> dead,
                              int deadCount) {
    }

    /** The page. */
    public record Integration(List<ConnectorView> connectors, List<WriteBackView> writeBacks, List<WebhookView> webhooks, String message) {
    }

    private final Pages pages;
    private final ConnectorUseCase connectors;
    private final WriteBackUseCase writeBacks;
    private final WebhookSubscriptionsUseCase webhooks;

    IntegrationPage(Pages pages, ConnectorUseCase connectors, WriteBackUseCase writeBacks, WebhookSubscriptionsUseCase webhooks) {
        this.pages = pages;
        this.connectors = connectors;
        this.writeBacks = writeBacks;
        this.webhooks = webhooks;
    }

    @Get
    HttpResponse<?> integration(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue("m") String message) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@integration.title", "integration");
        List<ConnectorView> connectorViews = connectors.list(caller.tenant()).stream().map(c -> connector(caller, c, layout)).toList();
        List<WriteBackView> writeBackViews = Stream.concat(writeBacks.list(caller.tenant(), WriteBack.Status.FAILED, 50).stream(),
                writeBacks.list(caller.tenant(), WriteBack.Status.PENDING, 50).stream()).map(w -> new WriteBackView(w.id().toString(),
                w.workItemId().value().toString(), w.sourceSystem(), w.externalId(), w.resolution(), w.status().name(), w.attempts(),
                layout.time(w.nextAttemptAt()), w.lastError())).toList();
        List<WebhookView> webhookViews = new ArrayList<>();
        for (WebhookSubscription s : webhooks.list(caller.tenant())) {
            List<WebhookDelivery> dead = webhooks.deliveries(caller.tenant(), s.id(), WebhookDelivery.Status.DEAD, 20);
            webhookViews.add(new WebhookView(s.id().toString(), s.url(), s.enabled(), layout.time(s.failingSince()), s.disabledReason(),
                    dead.stream().map(d -> d.eventType() + " · " + layout.time(d.createdAt()) + " · "
                            + (d.lastStatusCode() == null ? "" : "HTTP " + d.lastStatusCode() + " ") + (d.lastError() == null ? "" : d.lastError()))
                            .toList(), dead.size()));
        }
        String shown = message != null && MESSAGES.contains(message) ? layout.t().get("integration.m." + message) : null;
        return pages.page(request, authentication, HttpStatus.OK, "integration", layout,
                new Integration(connectorViews, writeBackViews, webhookViews, shown));
    }

    @Post(value = "/connectors/{name}/sync", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sync(HttpRequest<?> request, Authentication authentication, @PathVariable String name,
                         @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        try {
            ConnectorStatus status = connectors.syncNow(Caller.of(authentication).tenant(), name);
            return Pages.seeOther("/ui/integration?m=" + ("UP".equals(status.health()) ? "synced" : "sync-failed"));
        } catch (ConnectorNotFoundException e) {
            return Pages.seeOther("/ui/integration?m=gone");
        } catch (InvalidConnectorException e) {
            return Pages.seeOther("/ui/integration?m=sync-failed");
        }
    }

    @Post(value = "/write-backs/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retry(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                          @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        UUID uuid = Pages.uuid(id);
        if (uuid == null) {
            return HttpResponse.notFound();
        }
        try {
            writeBacks.retry(Caller.of(authentication).tenant(), uuid);
            return Pages.seeOther("/ui/integration?m=retried");
        } catch (WriteBackNotFoundException e) {
            return Pages.seeOther("/ui/integration?m=gone");
        } catch (NotAllowedException e) {
            return Pages.seeOther("/ui/integration?m=applied");
        }
    }

    @Post(value = "/webhooks/{id}/resend-dead", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resendDead(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        UUID uuid = Pages.uuid(id);
        if (uuid == null) {
            return HttpResponse.notFound();
        }
        try {
            List<UUID> events = webhooks.deliveries(caller.tenant(), uuid, WebhookDelivery.Status.DEAD, 500).stream()
                    .map(WebhookDelivery::eventId).distinct().toList();
            if (!events.isEmpty()) {
                webhooks.replay(caller.tenant(), uuid, new WebhookSubscriptionsUseCase.ReplayRange(null, null, null, null, events));
            }
            return Pages.seeOther("/ui/integration?m=replayed");
        } catch (WebhookSubscriptionNotFoundException e) {
            return Pages.seeOther("/ui/integration?m=gone");
        }
    }

    private ConnectorView connector(Caller caller, ConnectorStatus c, Layout layout) {
        List<String> runs = connectors.runs(caller.tenant(), c.name(), 5).stream().map(r -> layout.time(r.startedAt()) + " · "
                + r.trigger() + " · " + r.status() + " · " + layout.t().get("integration.runCounts", r.created(), r.updated(), r.closed(),
                r.failed()) + (r.error() == null ? "" : " · " + r.error())).toList();
        List<String> rejections = connectors.rejections(caller.tenant(), c.name(), 5).stream()
                .map(r -> r.externalId() + " · " + r.reason() + (r.location() == null ? "" : " (" + r.location() + ")")).toList();
        return new ConnectorView(c.name(), c.type(), c.health(), c.healthReason(), layout.time(c.lastRunAt()), layout.time(c.lastSuccessAt()),
                c.circuitOpenUntil() == null ? null : layout.time(c.circuitOpenUntil()), c.itemsCreated(), c.itemsUpdated(), c.itemsClosed(),
                c.duplicates(), c.rejected(), runs, rejections);
    }

}
