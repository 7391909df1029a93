package health.ordo.adapter.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names the fields (JSON paths such as {@code amount.value} or
 * {@code items[3].type}) at fault; {@code rule} names the business rule an illegal action broke; {@code traceId} is the
 * request's OpenTelemetry trace id, the same as in the log lines the request caused (quote it to the operator).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String rule, String currentStatus, String traceId) {

    /** The trace id of the request being served on this thread (its current span), or null outside a trace. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** Media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
