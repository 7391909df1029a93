package health.ordo.adapter.web.event;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.event.EventFeedUseCase;
import health.ordo.domain.event.EventCatalogue;
import health.ordo.domain.event.EventType;
import health.ordo.domain.event.PublishedEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event catalogue ({@code GET /api/v1/event-types}, each type with its JSON Schema) and the tenant's event feed
 * ({@code GET /api/v1/events?after=<cursor>}): CloudEvents in the order of the tenant's feed, the same events the webhooks
 * deliver.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Events")
class EventController {

    @Serdeable
    record EventTypeDto(String name, int version, String category, String subjectType, String description, String schemaUri,
                        Map<String, Object> schema) {

        static EventTypeDto of(EventType type) {
            return new EventTypeDto(type.name(), type.version(), type.category().name(), type.subject(), type.description(),
                    type.schemaUri(), EventController.schema(type));
        }
    }

    @Serdeable
    record EventTypeList(List<EventTypeDto> items) {
    }

    @Serdeable
    record FeedPage(List<Map<String, Object>> events, String next, boolean more) {
    }

    private final EventFeedUseCase feed;

    EventController(EventFeedUseCase feed) {
        this.feed = feed;
    }

    @Get("/event-types")
    @Secured({"TENANT_ADMIN", "SUPERVISOR", "INTEGRATION"})
    @Operation(summary = "Every event type Ordo publishes, with its version and the JSON Schema of its data")
    EventTypeList types() {
        return new EventTypeList(feed.catalogue().stream().map(EventTypeDto::of).toList());
    }

    @Get("/event-types/{name}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR", "INTEGRATION"})
    @Operation(summary = "One event type with the JSON Schema of its data")
    EventTypeDto type(@PathVariable String name) {
        return EventTypeDto.of(feed.type(name));
    }

    @Get("/events")
    @Secured({"TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "The tenant's event feed: CloudEvents after a cursor, oldest first",
            description = "Durable and ordered per tenant. Pass the page's next cursor as after to resume: nothing is missed or repeated. "
                    + "types filters by event type (comma-separated); free-text fields that may hold PHI are never in the feed.")
    FeedPage events(Authentication authentication, @Nullable @QueryValue String after, @Nullable @QueryValue String types,
                    @Nullable @QueryValue Integer limit) {
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("after", "after is the next cursor of an earlier page (a whole number), or absent to start");
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (types != null && !types.isBlank()) {
            for (String type : types.split(",")) {
                String name = type.trim();
                if (EventCatalogue.find(name).isEmpty() && !name.matches("[A-Z][A-Za-z0-9]{0,99}")) {
                    throw new InvalidRequestException("types", "no event type " + name + " (GET /api/v1/event-types lists them)");
                }
                wanted.add(name);
            }
        }
        int size = limit == null ? 100 : limit;
        EventFeedUseCase.Page page = feed.read(Caller.of(authentication).tenant(), cursor, wanted, size);
        List<Map<String, Object>> events = new ArrayList<>(page.events().size());
        for (PublishedEvent event : page.events()) {
            events.add(event.envelope(false));
        }
        return new FeedPage(events, Long.toString(page.next()), page.events().size() == size);
    }

    /** The JSON Schema (2020-12) of a type's data. */
    static Map<String, Object> schema(EventType type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (EventType.Field field : type.fields()) {
            Map<String, Object> property = new LinkedHashMap<>();
            switch (field.type()) {
                case NUMBER -> property.put("type", "number");
                case DATE -> {
                    property.put("type", "string");
                    property.put("format", "date");
                }
                default -> property.put("type", "string");
            }
            property.put("description", field.phi() ? field.description() + "; may hold PHI: sent only to subscriptions a tenant "
                    + "administrator allowed PHI" : field.description());
            properties.put(field.name(), property);
            if (field.required()) {
                required.add(field.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", type.schemaUri());
        schema.put("title", type.name() + " data, version " + type.version());
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", type.open() ? Map.of("type", Arrays.asList("string", "number", "boolean")) : false);
        return schema;
    }
}
