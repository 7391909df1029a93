package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.event.WebhookSubscriptionNotFoundException;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase;
import health.ordo.domain.event.WebhookSubscription;
import health.ordo.domain.shared.DomainException;
import health.ordo.domain.shared.InvalidValueException;
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

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook subscriptions for tenant admins: each subscription (address, event types, whether it may carry PHI, whether it
 * delivers or why it was disabled), subscribe an address, enable or disable, rotate the signing secret (the previous one
 * keeps signing for 24 hours), delete. A new or rotated secret is shown once, on the page that follows, and never again.
 * The same use cases as {@code /api/v1/webhook-subscriptions}; the deliveries and their resending are on the integration view.
 */
@Controller("/ui/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhooksPage {

    /** One subscription. */
    public record Row(String id, String url, String eventTypes, String description, boolean enabled, boolean phiAllowed,
                      String failingSince, String disabledReason) {
    }

    /**
     * The page.
     *
     * @param secret a secret just created or rotated, shown this once; else null
     */
    public record Webhooks(List<Row> subscriptions, Map<String, String> form, String errorField, String error, String message,
                           String secret) {
    }

    private final Pages pages;
    private final WebhookSubscriptionsUseCase subscriptions;

    WebhooksPage(Pages pages, WebhookSubscriptionsUseCase subscriptions) {
        this.pages = pages;
        this.subscriptions = subscriptions;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue("m") String m) {
        String message = m != null && List.of("enabled", "disabled", "deleted", "gone").contains(m) ? "webhooks.m." + m : null;
        return render(request, authentication, HttpStatus.OK, Map.of(), null, null, message, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> subscribe(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        Map<String, String> typed = form == null ? Map.of() : form;
        try {
            List<String> types = Arrays.stream(typed.getOrDefault("eventTypes", "").split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            String description = typed.getOrDefault("description", "").strip();
            WebhookSubscription created = subscriptions.create(caller.tenant(), typed.getOrDefault("url", "").strip(), types,
                    description.isEmpty() ? null : description, typed.containsKey("phiAllowed"), caller.actor().name());
            return render(request, authentication, HttpStatus.CREATED, Map.of(), null, null, "webhooks.m.created", created.current().value());
        } catch (InvalidValueException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, typed, e.field(), e.getMessage(), null, null);
        }
    }

    @Post(value = "/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(HttpRequest<?> request, Authentication authentication, @PathVariable String id, @PathVariable String action,
                        @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        UUID uuid = Pages.uuid(id);
        if (uuid == null) {
            return HttpResponse.notFound();
        }
        try {
            switch (action) {
                case "enable", "disable" -> {
                    subscriptions.change(caller.tenant(), uuid, null, null, null, action.equals("enable"), null);
                    return Pages.seeOther("/ui/admin/webhooks?m=" + action + "d");
                }
                case "rotate" -> {
                    WebhookSubscription rotated = subscriptions.rotate(caller.tenant(), uuid, Duration.ofHours(24));
                    return render(request, authentication, HttpStatus.OK, Map.of(), null, null, "webhooks.m.rotated", rotated.current().value());
                }
                case "delete" -> {
                    subscriptions.delete(caller.tenant(), uuid);
                    return Pages.seeOther("/ui/admin/webhooks?m=deleted");
                }
                default -> {
                    return HttpResponse.notFound();
                }
            }
        } catch (WebhookSubscriptionNotFoundException e) {
            return Pages.seeOther("/ui/admin/webhooks?m=gone");
        } catch (DomainException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, Map.of(), null, e.getMessage(), null, null);
        }
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, Map<String, String> form,
                                   String errorField, String error, String message, String secret) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@webhooks.title", "webhooks");
        List<Row> rows = subscriptions.list(caller.tenant()).stream().map(s -> new Row(s.id().toString(), s.url(),
                s.eventTypes().isEmpty() ? layout.t().get("webhooks.allTypes") : String.join(", ", new java.util.TreeSet<>(s.eventTypes())),
                s.description() == null ? "" : s.description(), s.enabled(), s.phiAllowed(), s.failingSince() == null ? null : layout.time(s.failingSince()),
                s.disabledReason())).toList();
        return pages.page(request, authentication, status, "webhooks", layout, new Webhooks(rows, form, errorField, error, message, secret));
    }
}
