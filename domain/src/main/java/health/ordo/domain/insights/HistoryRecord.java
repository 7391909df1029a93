package health.ordo.domain.insights;

import health.ordo.domain.approval.ApprovalSettings;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of a legacy work-queue system's history, validated: an item identified by its source reference, with its
 * dimensions and timestamps. Column names are case-insensitive; a few common aliases are accepted (see {@link #COLUMNS}).
 * A row is read whole or refused with every field at fault named.
 */
public record HistoryRecord(String sourceSystem, String externalId, String currency, WorkFact fact) {

    /** The columns understood, with what each means, for the API's documentation and error messages. */
    public static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("type", "work item type, e.g. CLAIM_DENIAL (required)"),
            Map.entry("queue", "queue the item was worked in (required)"),
            Map.entry("source_reference", "the item's id in the legacy system; re-importing it replaces it (required)"),
            Map.entry("source_system", "the legacy system's name; the import's source when absent"),
            Map.entry("received", "arrival time (required)"),
            Map.entry("claimed", "first time someone took it"),
            Map.entry("started", "work began"),
            Map.entry("completed", "completion or cancellation time; empty while open"),
            Map.entry("deadline", "due date or SLA deadline"),
            Map.entry("outcome", "COMPLETED, CANCELLED (or CANCELED, WITHDRAWN, VOID), WRITTEN_OFF (or WRITE_OFF, ADJUSTED_OFF), OPEN, or another resolution code (completed)"),
            Map.entry("facility", "site or facility"),
            Map.entry("payer", "payer"),
            Map.entry("supplier", "supplier"),
            Map.entry("specialty", "specialty"),
            Map.entry("team", "team"),
            Map.entry("worker", "who worked it"),
            Map.entry("amount", "money at stake, a decimal >= 0"),
            Map.entry("currency", "ISO 4217 code; USD when absent"),
            Map.entry("held_hours", "hours spent on hold"),
            Map.entry("reopened", "times it came back after being closed"));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("source_ref", "source_reference"), Map.entry("external_id", "source_reference"),
            Map.entry("reference", "source_reference"), Map.entry("id", "source_reference"),
            Map.entry("site", "facility"), Map.entry("vendor", "supplier"), Map.entry("received_at", "received"),
            Map.entry("created", "received"), Map.entry("started_at", "started"), Map.entry("completed_at", "completed"),
            Map.entry("closed", "completed"), Map.entry("due", "deadline"), Map.entry("due_at", "deadline"),
            Map.entry("claimed_at", "claimed"), Map.entry("resolution", "outcome"), Map.entry("assignee", "worker"),
            Map.entry("money", "amount"), Map.entry("work_queue", "queue"), Map.entry("item_type", "type"));

    private static final Set<String> CANCELLED = Set.of("CANCELLED", "CANCELED", "WITHDRAWN", "VOID");

    /** A field a row got wrong. */
    public record FieldError(String field, String message) {
    }

    /** Either a record or the errors of its row. */
    public record Reading(HistoryRecord record, List<FieldError> errors) {
        public boolean ok() {
            return record != null;
        }
    }

    /**
     * Reads one row.
     *
     * @param defaultSource the source system when the row names none
     * @param zone          for timestamps without an offset and plain dates (start of that day)
     * @param now           no event of a history lies after it (a deadline may)
     */
    public static Reading read(Map<String, String> raw, String defaultSource, ZoneId zone, Instant now) {
        Map<String, String> fields = normalize(raw);
        List<FieldError> errors = new ArrayList<>();
        String type = required(fields, "type", errors);
        if (type != null && !type.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            errors.add(new FieldError("type", "a type is letters, digits and underscores, e.g. CLAIM_DENIAL"));
        }
        String queue = required(fields, "queue", errors);
        String reference = required(fields, "source_reference", errors);
        String source = fields.getOrDefault("source_system", defaultSource);
        Instant received = instant(fields, "received", zone, errors);
        if (received == null && !errors.stream().anyMatch(e -> e.field().equals("received"))) {
            errors.add(new FieldError("received", "received is required"));
        }
        Instant claimed = instant(fields, "claimed", zone, errors);
        Instant started = instant(fields, "started", zone, errors);
        Instant completed = instant(fields, "completed", zone, errors);
        Instant deadline = instant(fields, "deadline", zone, errors);
        if (received != null) {
            notBefore("claimed", claimed, received, errors);
            notBefore("started", started, received, errors);
            notBefore("completed", completed, received, errors);
        }
        for (Map.Entry<String, Instant> event : java.util.Arrays.asList(Map.entry("received", received == null ? now : received),
                Map.entry("claimed", claimed == null ? now : claimed), Map.entry("started", started == null ? now : started),
                Map.entry("completed", completed == null ? now : completed))) {
            if (event.getValue().isAfter(now)) {
                errors.add(new FieldError(event.getKey(), event.getKey() + " lies in the future"));
            }
        }
        if (started != null && completed != null && completed.isBefore(started)) {
            errors.add(new FieldError("completed", "completed lies before started"));
        }
        BigDecimal amount = decimal(fields, "amount", errors);
        String currency = fields.get("currency");
        if (currency != null && !currency.matches("[A-Za-z]{3}")) {
            errors.add(new FieldError("currency", "a currency is a three-letter ISO 4217 code, e.g. USD"));
        }
        Double heldHours = number(fields, "held_hours", errors);
        Integer reopened = integer(fields, "reopened", errors);
        String outcome = fields.get("outcome");
        String normalizedOutcome = outcome == null ? null : outcome.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalizedOutcome != null && completed == null && !normalizedOutcome.equals("OPEN")) {
            errors.add(new FieldError("completed", "an item with outcome " + outcome + " needs its completed time"));
        }
        if (!errors.isEmpty()) {
            return new Reading(null, List.copyOf(errors));
        }
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        dimensions.put(Dimension.QUEUE, queue);
        dimensions.put(Dimension.TYPE, type.toUpperCase(Locale.ROOT));
        dimensions.put(Dimension.TEAM, fields.get("team"));
        dimensions.put(Dimension.SITE, fields.get("facility"));
        dimensions.put(Dimension.WORKER, fields.get("worker"));
        dimensions.put(Dimension.PAYER, fields.get("payer"));
        dimensions.put(Dimension.SUPPLIER, fields.get("supplier"));
        dimensions.put(Dimension.SPECIALTY, fields.get("specialty"));
        dimensions.put(Dimension.SOURCE_SYSTEM, source);
        boolean cancelled = normalizedOutcome != null && CANCELLED.contains(normalizedOutcome);
        boolean writtenOff = normalizedOutcome != null && ApprovalSettings.WRITE_OFF_CODES.contains(normalizedOutcome);
        Duration held = heldHours == null ? Duration.ZERO : Duration.ofSeconds(Math.round(heldHours * 3600));
        WorkFact fact = new WorkFact(dimensions, amount, received, claimed, started, completed, cancelled, writtenOff,
                deadline, held, reopened == null ? 0 : reopened, held.compareTo(Duration.ZERO) > 0, false, claimed == null ? 0 : 1, 0);
        return new Reading(new HistoryRecord(source, reference,
                amount == null ? null : currency == null ? "USD" : currency.toUpperCase(Locale.ROOT), fact), List.of());
    }

    private static Map<String, String> normalize(Map<String, String> raw) {
        Map<String, String> fields = new java.util.HashMap<>();
        raw.forEach((name, value) -> {
            if (name == null || value == null || value.isBlank()) {
                return;
            }
            String key = name.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            fields.putIfAbsent(ALIASES.getOrDefault(key, key), value.trim());
        });
        return fields;
    }

    private static String required(Map<String, String> fields, String name, List<FieldError> errors) {
        String value = fields.get(name);
        if (value == null) {
            errors.add(new FieldError(name, name + " is required"));
        } else if (value.length() > 200) {
            errors.add(new FieldError(name, name + " is at most 200 characters"));
            return null;
        }
        return value;
    }

    private static void notBefore(String field, Instant value, Instant received, List<FieldError> errors) {
        if (value != null && value.isBefore(received)) {
            errors.add(new FieldError(field, field + " lies before received"));
        }
    }

    static Instant instant(Map<String, String> fields, String name, ZoneId zone, List<FieldError> errors) {
        String text = fields.get(name);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, name + " is not a date or timestamp (ISO 8601, e.g. 2026-03-02T14:30:00Z or 2026-03-02): " + text));
            return null;
        }
    }

    private static BigDecimal decimal(Map<String, String> fields, String name, List<FieldError> errors) {
        String text = fields.get(name);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace(",", ""));
            if (value.signum() < 0 || value.precision() - value.scale() > 13) {
                errors.add(new FieldError(name, name + " is a decimal between 0 and 9999999999999"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, name + " is not a decimal: " + text));
            return null;
        }
    }

    private static Double number(Map<String, String> fields, String name, List<FieldError> errors) {
        BigDecimal value = decimal(fields, name, errors);
        return value == null ? null : value.doubleValue();
    }

    private static Integer integer(Map<String, String> fields, String name, List<FieldError> errors) {
        String text = fields.get(name);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0 || value > 1000) {
                errors.add(new FieldError(name, name + " lies between 0 and 1000"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, name + " is not a whole number: " + text));
            return null;
        }
    }
}
