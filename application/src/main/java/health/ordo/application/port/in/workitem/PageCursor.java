package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItem;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after an item in the backlog order (score desc, binding deadline asc with none last, id asc).
 * Keyset, not offset: stable while items are added, and as fast on page 1,000 as on page 1.
 *
 * @param deadline binding deadline of that item, or null when it has none
 */
public record PageCursor(BigDecimal score, Instant deadline, UUID id) {

    /** Cursor just after the given item. */
    public static PageCursor after(WorkItem item) {
        return new PageCursor(item.priorityScore().value(), item.content().bindingDeadline(), item.id().value());
    }

    /** Opaque, URL-safe token. */
    public String encode() {
        String raw = score.toPlainString() + "|" + (deadline == null ? "" : deadline.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token from {@link #encode()}; anything else is refused with field {@code cursor}. */
    public static PageCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            return new PageCursor(new BigDecimal(parts[0]), parts[1].isEmpty() ? null : Instant.parse(parts[1]),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "cursor is not one this API issued");
        }
    }
}
