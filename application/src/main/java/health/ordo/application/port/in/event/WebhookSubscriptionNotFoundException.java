package health.ordo.application.port.in.event;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no webhook subscription of that id. */
public class WebhookSubscriptionNotFoundException extends NotFoundException {

    public WebhookSubscriptionNotFoundException(String id) {
        super("no webhook subscription " + id);
    }
}
