package health.ordo.adapter.web.insights;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.domain.insights.Dimension;
import io.micronaut.http.HttpRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an insight's query parameters: {@code from}, {@code to} (dates; the last 30 days when absent), {@code groupBy},
 * {@code period}, and one filter per dimension ({@code queue=denials}, {@code payer=Aetna}, …). An unknown parameter
 * is refused, naming it, so a misspelt filter never silently widens the answer.
 */
final class InsightParameters {

    private static final Set<String> GENERAL = Set.of("from", "to", "groupBy", "period", "format");

    private InsightParameters() {
    }

    /** @param today the tenant's today: the default end of the range */
    static InsightRequest read(HttpRequest<?> request, LocalDate today) {
        var parameters = request.getParameters();
        for (String name : parameters.names()) {
            if (!GENERAL.contains(name) && Dimension.fromApiName(name) == null) {
                throw new InvalidRequestException(name, "unknown parameter " + name + "; use from, to, groupBy, period or a dimension: "
                        + dimensions());
            }
        }
        LocalDate to = date(parameters.get("to"), "to", today);
        LocalDate from = date(parameters.get("from"), "from", to.minusDays(29));
        Dimension groupBy = null;
        String group = parameters.get("groupBy");
        if (group != null && !group.isBlank() && !group.equalsIgnoreCase("none")) {
            groupBy = Dimension.fromApiName(group);
            if (groupBy == null) {
                throw new InvalidRequestException("groupBy", "groupBy is one of " + dimensions());
            }
        }
        InsightRequest.Period period = InsightRequest.Period.NONE;
        String periodName = parameters.get("period");
        if (periodName != null && !periodName.isBlank()) {
            try {
                period = InsightRequest.Period.valueOf(periodName.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("period", "period is one of none, day, week, month");
            }
        }
        Map<Dimension, String> where = new EnumMap<>(Dimension.class);
        for (String name : parameters.names()) {
            Dimension dimension = Dimension.fromApiName(name);
            if (dimension != null) {
                String value = parameters.get(name);
                if (value == null || value.isBlank() || value.length() > 200) {
                    throw new InvalidRequestException(name, name + " takes one value of 1 to 200 characters");
                }
                where.put(dimension, value);
            }
        }
        return new InsightRequest(from, to, groupBy, where, period);
    }

    static LocalDate date(String text, String field, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, field + " is a date, e.g. 2026-03-31");
        }
    }

    static String dimensions() {
        return Arrays.stream(Dimension.values()).map(Dimension::apiName).collect(Collectors.joining(", "));
    }
}
