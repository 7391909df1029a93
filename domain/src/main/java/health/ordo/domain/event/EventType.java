package health.ordo.domain.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event type Ordo publishes: its name (the CloudEvents {@code type}), its version, what it is about (the CloudEvents
 * {@code subject} is that entity's id) and the fields of its data. Fields marked {@code phi} are free text that may hold
 * protected health information: they are left out of every published event unless a tenant administrator allowed a
 * subscription to receive them.
 *
 * @param open whether the data may carry fields beyond those listed (events a source system reports: their data is the
 *             source's own)
 */
public record EventType(String name, int version, Category category, String subject, String description, List<Field> fields,
                        boolean open) {

    public enum Category { LIFECYCLE, PRIORITY, SLA, BUSINESS, SOURCE, INSIGHTS, PLATFORM }

    public enum FieldType { STRING, NUMBER, DATE }

    /** A field of the event's data. */
    public record Field(String name, FieldType type, boolean required, boolean phi, String description) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public EventType {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }

    /** The URI naming the schema of this type's data (the CloudEvents {@code dataschema}). */
    public String schemaUri() {
        return "urn:ordo:event-type:" + name + ":" + version;
    }

    /**
     * The data as published: fields this type does not declare are dropped (unless it is {@link #open}), and PHI fields unless
     * {@code phiAllowed}.
     */
    public Map<String, Object> publishable(Map<String, Object> data, boolean phiAllowed) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            Field field = field(entry.getKey());
            if (field == null ? open : !field.phi() || phiAllowed) {
                out.put(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    private Field field(String fieldName) {
        for (Field field : fields) {
            if (field.name().equals(fieldName)) {
                return field;
            }
        }
        return null;
    }
}
