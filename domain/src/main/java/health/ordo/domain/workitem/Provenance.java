package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

/**
 * How a work item came into Ordo, recorded when it is created and never changed: through the public API, from a source
 * connector, through an inbound channel for source documents (an 835 or FHIR upload, the inbound folder), or as seeded
 * demo data. Only what a source itself brought in is ever written back to a source: an item created through the API
 * names a source system only as a claim of its creator's.
 *
 * @param name who or what brought it in (the API caller, the connector's name, the inbound channel's user or folder)
 */
public record Provenance(Channel channel, String name) {

    /** The ways into Ordo. */
    public enum Channel { API, CONNECTOR, INBOUND, SEED }

    public Provenance {
        InvalidValueException.require(channel != null, "provenance", "a provenance names its channel");
        InvalidValueException.require(name != null && !name.isBlank(), "provenance", "a provenance names who brought the item in");
    }

    public static Provenance api(String caller) {
        return new Provenance(Channel.API, caller);
    }

    public static Provenance connector(String connector) {
        return new Provenance(Channel.CONNECTOR, connector);
    }

    public static Provenance inbound(String channel) {
        return new Provenance(Channel.INBOUND, channel);
    }

    public static Provenance seed() {
        return new Provenance(Channel.SEED, "demo");
    }

    /** Whether a completion may be written back to the item's source system: only for what a source brought in. */
    public boolean mayWriteBack() {
        return channel == Channel.CONNECTOR || channel == Channel.INBOUND;
    }
}
