package health.ordo.adapter.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names the fields (JSON paths such as {@code amount.value} or
 * {@code items[3].type}) at fault; {@code rule} names the business rule an illegal action broke.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String rule, String currentStatus) {

    /** Media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
