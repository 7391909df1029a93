package health.ordo.adapter.fhir;

import health.ordo.application.port.in.workitem.WorkItemSearch;
import health.ordo.application.port.in.workitem.WorkItemSearch.Condition;
import health.ordo.domain.sla.SlaClock;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The FHIR search parameters of {@code GET /api/v1/fhir/Task}, read as the FHIR R4 search specification says: repeated
 * parameters AND, comma-separated values OR, token values {@code [system|]code}, dates with the prefixes {@code eq},
 * {@code gt}, {@code ge}, {@code lt}, {@code le} ({@code sa}, {@code eb} as {@code gt}, {@code lt}) at the precision given.
 * Parameters Ordo does not support are ignored and left out of the self link, or refused under
 * {@code Prefer: handling=strict}. A supported parameter with a value Ordo cannot read is always refused.
 */
final class TaskSearchParameters {

    /** Every parameter this search understands, as the CapabilityStatement lists it. */
    enum Supported {
        ID("_id", "token", "http://hl7.org/fhir/SearchParameter/Resource-id", "The work item id"),
        LAST_UPDATED("_lastUpdated", "date", "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated",
                "When the item last changed (prefixes eq, gt, ge, lt, le, sa, eb)"),
        STATUS("status", "token", "http://hl7.org/fhir/SearchParameter/Task-status", "Task status (ready, accepted, in-progress, on-hold, completed, cancelled)"),
        BUSINESS_STATUS("business-status", "token", "http://hl7.org/fhir/SearchParameter/Task-business-status",
                "SLA clock state, codes of " + TaskMapper.SLA_SYSTEM),
        CODE("code", "token", "http://hl7.org/fhir/SearchParameter/Task-code", "Work item type, codes of " + TaskMapper.TYPE_SYSTEM),
        PRIORITY("priority", "token", "http://hl7.org/fhir/SearchParameter/Task-priority",
                "routine (score below 50), urgent (50-74), asap (75-89), stat (90 and above)"),
        IDENTIFIER("identifier", "token", "http://hl7.org/fhir/SearchParameter/Task-identifier",
                "The work item id (system " + TaskMapper.WORK_ITEM_SYSTEM + ") or the source record's id (system "
                        + TaskMapper.ORDO + "/sid/source/{source system}, or no system for any source)"),
        OWNER("owner", "reference", "http://hl7.org/fhir/SearchParameter/Task-owner",
                "The assignee, by identifier: owner:identifier=" + TaskMapper.USER_SYSTEM + "|{login}. Owners carry no "
                        + "literal reference, so owner=Practitioner/x matches none"),
        REQUESTER("requester", "reference", "http://hl7.org/fhir/SearchParameter/Task-requester",
                "The source system, by identifier: requester:identifier=" + TaskMapper.SOURCE_SYSTEM_SYSTEM + "|{system}"),
        AUTHORED_ON("authored-on", "date", "http://hl7.org/fhir/SearchParameter/Task-authored-on", "When the item was created"),
        MODIFIED("modified", "date", "http://hl7.org/fhir/SearchParameter/Task-modified", "When the item last changed"),
        PERIOD("period", "date", "http://hl7.org/fhir/SearchParameter/Task-period",
                "When work on the item began (the start of executionPeriod); items not yet started match none");

        final String code;
        final String type;
        final String definition;
        final String documentation;

        Supported(String code, String type, String definition, String documentation) {
            this.code = code;
            this.type = type;
            this.definition = definition;
            this.documentation = documentation;
        }
    }

    /** Result parameters: they shape the answer rather than select items. */
    static final Set<String> CONTROL = Set.of("_count", "_sort", "_total", "_cursor", "_format", "_pretty");
    static final Map<String, WorkItemSearch.Order> SORTS = Map.of(
            "-priority", WorkItemSearch.Order.BACKLOG,
            "_lastUpdated", WorkItemSearch.Order.UPDATED_ASC, "-_lastUpdated", WorkItemSearch.Order.UPDATED_DESC,
            "modified", WorkItemSearch.Order.UPDATED_ASC, "-modified", WorkItemSearch.Order.UPDATED_DESC,
            "authored-on", WorkItemSearch.Order.CREATED_ASC, "-authored-on", WorkItemSearch.Order.CREATED_DESC);
    static final int MAX_VALUES = 100;
    private static final Pattern DATE = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\\d{4}(-\\d{2}(-\\d{2}(T.*)?)?)?)$");

    /**
     * @param applied  the parameters used, in a canonical order, for the self link
     * @param ignored  the parameters left aside
     */
    record Parsed(WorkItemSearch search, int count, boolean total, List<Map.Entry<String, String>> applied, List<String> ignored) {

        String query() {
            StringJoiner query = new StringJoiner("&");
            applied.forEach(p -> query.add(encode(p.getKey()) + "=" + encode(p.getValue())));
            return query.toString();
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%3A", ":").replace("%7C", "|").replace("%2C", ",").replace("%2F", "/");
        }
    }

    private TaskSearchParameters() {
    }

    static Parsed parse(Map<String, List<String>> parameters, boolean strict) {
        List<Condition> conditions = new ArrayList<>();
        List<Map.Entry<String, String>> applied = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int count = 20;
        boolean total = false;
        WorkItemSearch.Order order = WorkItemSearch.Order.BACKLOG;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                if (name.equals("_count")) {
                    count = count(value);
                    applied.add(Map.entry(name, value));
                } else if (name.equals("_total")) {
                    total = value.equals("accurate");
                    if (!Set.of("none", "estimate", "accurate").contains(value)) {
                        throw new FhirSearchException(name, "_total must be none, estimate or accurate");
                    }
                    applied.add(Map.entry(name, value));
                } else if (name.equals("_sort")) {
                    String first = value.split(",")[0];
                    if (SORTS.containsKey(first) && value.split(",").length == 1) {
                        order = SORTS.get(first);
                        applied.add(Map.entry(name, value));
                    } else if (strict) {
                        throw new FhirSearchException(name, "_sort supports one of " + String.join(", ", SORTS.keySet().stream().sorted().toList()));
                    } else {
                        ignored.add(name + "=" + value);
                    }
                } else if (name.equals("_format")) {
                    if (!value.contains("json")) {
                        throw new FhirSearchException(name, "Ordo answers FHIR in JSON only (_format=json)");
                    }
                } else if (CONTROL.contains(name)) {
                    continue; // _cursor and _pretty: the paging position and a formatting hint, not criteria
                } else {
                    Condition condition = condition(name, value);
                    if (condition == null) {
                        if (strict) {
                            throw new FhirSearchException(name, "search parameter '" + name + "' is not supported on Task; see "
                                    + FhirBase.PATH + "/metadata");
                        }
                        ignored.add(name);
                    } else {
                        conditions.add(condition);
                        applied.add(Map.entry(name, value));
                    }
                }
            }
        }
        applied.sort(Map.Entry.comparingByKey());
        return new Parsed(new WorkItemSearch(conditions, order), count, total, applied, ignored);
    }

    private static int count(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= 200) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FhirSearchException("_count", "_count must be a whole number between 1 and 200");
    }

    /** The condition a supported parameter sets, or null when the parameter is not supported. */
    private static Condition condition(String name, String value) {
        String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        String modifier = name.contains(":") ? name.substring(name.indexOf(':') + 1) : null;
        Supported parameter = Arrays.stream(Supported.values()).filter(p -> p.code.equals(base)).findFirst().orElse(null);
        if (parameter == null) {
            return null;
        }
        boolean reference = parameter.type.equals("reference");
        if (modifier != null && !(reference && modifier.equals("identifier"))) {
            throw new FhirSearchException(name, "modifier ':" + modifier + "' is not supported on " + base
                    + (reference ? " (use " + base + ":identifier)" : ""));
        }
        List<String> values = values(name, value);
        return switch (parameter) {
            case ID -> new WorkItemSearch.IdIn(values.stream().map(TaskSearchParameters::uuid).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet()));
            case STATUS -> new WorkItemSearch.StatusIn(codes(name, values, "http://hl7.org/fhir/task-status", code ->
                    Arrays.stream(WorkItemStatus.values()).filter(s -> s.fhirTaskStatus().equals(code)).findFirst().orElse(null)));
            case BUSINESS_STATUS -> new WorkItemSearch.SlaStateIn(codes(name, values, TaskMapper.SLA_SYSTEM, code ->
                    Arrays.stream(SlaClock.State.values()).map(Enum::name).filter(code::equals).findFirst().orElse(null)));
            case CODE -> new WorkItemSearch.TypeIn(codes(name, values, TaskMapper.TYPE_SYSTEM, code ->
                    Arrays.stream(WorkItemType.values()).filter(t -> t.name().equals(code)).findFirst().orElse(null)));
            case PRIORITY -> new WorkItemSearch.ScoreIn(codes(name, values, "http://hl7.org/fhir/request-priority",
                    TaskSearchParameters::band).stream().toList());
            case IDENTIFIER -> identifier(values);
            case OWNER -> modifier == null ? new WorkItemSearch.IdIn(Set.of())
                    : new WorkItemSearch.AssigneeIn(identifiers(name, values, TaskMapper.USER_SYSTEM));
            case REQUESTER -> modifier == null ? new WorkItemSearch.IdIn(Set.of())
                    : new WorkItemSearch.SourceSystemIn(identifiers(name, values, TaskMapper.SOURCE_SYSTEM_SYSTEM));
            case LAST_UPDATED, MODIFIED -> time(name, value, WorkItemSearch.TimeField.UPDATED);
            case AUTHORED_ON -> time(name, value, WorkItemSearch.TimeField.CREATED);
            case PERIOD -> time(name, value, WorkItemSearch.TimeField.STARTED);
        };
    }

    private static List<String> values(String name, String value) {
        List<String> values = Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (values.isEmpty() || values.size() > MAX_VALUES) {
            throw new FhirSearchException(name, name + " needs between 1 and " + MAX_VALUES + " values");
        }
        return values;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null; // no work item has that id: the value matches nothing
        }
    }

    /** Token values {@code [system|]code}: a code of another system matches nothing; an unknown code is refused. */
    private static <T> Set<T> codes(String name, List<String> values, String system, java.util.function.Function<String, T> lookup) {
        Set<T> found = new LinkedHashSet<>();
        for (String value : values) {
            int bar = value.indexOf('|');
            if (bar >= 0 && bar > 0 && !value.substring(0, bar).equals(system)) {
                continue;
            }
            String code = value.substring(bar + 1);
            T match = lookup.apply(code);
            if (match == null) {
                throw new FhirSearchException(name, "'" + code + "' is not a code of " + system);
            }
            found.add(match);
        }
        return found;
    }

    private static WorkItemSearch.Band band(String code) {
        return switch (code) {
            case "routine" -> new WorkItemSearch.Band(null, BigDecimal.valueOf(50));
            case "urgent" -> new WorkItemSearch.Band(BigDecimal.valueOf(50), BigDecimal.valueOf(75));
            case "asap" -> new WorkItemSearch.Band(BigDecimal.valueOf(75), BigDecimal.valueOf(90));
            case "stat" -> new WorkItemSearch.Band(BigDecimal.valueOf(90), null);
            default -> null;
        };
    }

    /** Identifier values {@code [system|]value} of one system: the values of that system (or with none). */
    private static Set<String> identifiers(String name, List<String> values, String system) {
        Set<String> found = new LinkedHashSet<>();
        for (String value : values) {
            int bar = value.indexOf('|');
            if (bar < 0 || value.substring(0, bar).isEmpty() || value.substring(0, bar).equals(system)) {
                found.add(value.substring(bar + 1));
            }
        }
        return found;
    }

    private static Condition identifier(List<String> values) {
        Set<UUID> ids = new LinkedHashSet<>();
        List<WorkItemSearch.SourceKey> sources = new ArrayList<>();
        String sourcePrefix = TaskMapper.ORDO + "/sid/source/";
        for (String value : values) {
            int bar = value.indexOf('|');
            String system = bar < 0 ? "" : value.substring(0, bar);
            String id = value.substring(bar + 1);
            if (system.equals(TaskMapper.WORK_ITEM_SYSTEM)) {
                UUID uuid = uuid(id);
                if (uuid != null) {
                    ids.add(uuid);
                }
            } else if (system.startsWith(sourcePrefix)) {
                sources.add(new WorkItemSearch.SourceKey(system.substring(sourcePrefix.length()), id));
            } else if (system.isEmpty()) {
                sources.add(new WorkItemSearch.SourceKey(null, id));
                if (uuid(id) != null) {
                    ids.add(uuid(id));
                }
            }
        }
        return new WorkItemSearch.AnyOf(List.of(new WorkItemSearch.IdIn(ids), new WorkItemSearch.SourceIn(sources)));
    }

    /** A date parameter as a half-open range of instants at the precision written. */
    static Condition time(String name, String value, WorkItemSearch.TimeField field) {
        Matcher matcher = DATE.matcher(value);
        if (!matcher.matches()) {
            throw new FhirSearchException(name, name + " must be a FHIR date or dateTime with an optional prefix, such as gt2026-01-01");
        }
        String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
        Instant[] range;
        try {
            range = range(matcher.group(2));
        } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new FhirSearchException(name, name + ": '" + matcher.group(2) + "' is not a valid date or dateTime (a time needs a zone, such as Z)");
        }
        return switch (prefix) {
            case "eq" -> new WorkItemSearch.TimeIn(field, range[0], range[1]);
            case "gt", "sa" -> new WorkItemSearch.TimeIn(field, range[1], null);
            case "ge" -> new WorkItemSearch.TimeIn(field, range[0], null);
            case "lt", "eb" -> new WorkItemSearch.TimeIn(field, null, range[0]);
            case "le" -> new WorkItemSearch.TimeIn(field, null, range[1]);
            default -> throw new FhirSearchException(name, "prefix '" + prefix + "' is not supported on " + name + " (eq, gt, ge, lt, le, sa, eb are)");
        };
    }

    /** [start, end) of the period a FHIR date or dateTime denotes at its precision (dates without a zone in UTC). */
    private static Instant[] range(String text) {
        if (text.length() == 4) {
            LocalDate start = LocalDate.of(Integer.parseInt(text), 1, 1);
            return new Instant[]{start.atStartOfDay(ZoneOffset.UTC).toInstant(), start.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
        }
        if (text.length() == 7) {
            YearMonth month = YearMonth.parse(text);
            return new Instant[]{month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
        }
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return new Instant[]{day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
        }
        String time = text.substring(11);
        boolean seconds = time.length() > 5 && time.charAt(5) == ':';
        String full = seconds ? text : text.substring(0, 16) + ":00" + text.substring(16);
        Instant at = OffsetDateTime.parse(full).toInstant();
        ChronoUnit unit = !seconds ? ChronoUnit.MINUTES : full.contains(".") ? ChronoUnit.MILLIS : ChronoUnit.SECONDS;
        return new Instant[]{at, at.plus(1, unit)};
    }
}
