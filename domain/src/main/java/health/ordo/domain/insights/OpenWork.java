package health.ordo.domain.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * An open item as the breach simulation sees it: its place in Ordo's order (started or not, score, binding deadline),
 * the hours of work it needs, and the money it carries.
 *
 * @param started  claimed or in progress: a worker has it, so it is worked before anything still waiting
 * @param deadline the binding deadline (SLA or external), null when it has none
 * @param hours    the handling time expected for its type, in working hours
 */
public record OpenWork(String id, String type, boolean started, double score, Instant deadline, double hours, BigDecimal amount) {

    /**
     * Ordo's order of work in a queue: items already started first, then score descending, then the earlier deadline
     * (none last), then id, the same order get-next-work takes them in.
     */
    public static final Comparator<OpenWork> ORDO_ORDER = Comparator.comparing((OpenWork work) -> !work.started())
            .thenComparing(OpenWork::score, Comparator.reverseOrder())
            .thenComparing(OpenWork::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OpenWork::id);

    public OpenWork {
        Objects.requireNonNull(id, "id");
        if (!(hours >= 0)) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        amount = amount == null ? BigDecimal.ZERO : amount;
    }
}
