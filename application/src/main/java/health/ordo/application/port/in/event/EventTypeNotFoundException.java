package health.ordo.application.port.in.event;

import health.ordo.application.port.in.NotFoundException;

/** No event type of that name in the catalogue. */
public class EventTypeNotFoundException extends NotFoundException {

    public EventTypeNotFoundException(String name) {
        super("no event type " + name + " (GET /api/v1/event-types lists them)");
    }
}
