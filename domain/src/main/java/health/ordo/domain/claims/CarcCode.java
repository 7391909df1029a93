package health.ordo.domain.claims;

import health.ordo.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One Claim Adjustment Reason Code of a code set.
 *
 * @param active whether the code is in use (a deactivated code stays in the set: old remittances carry it)
 * @param start  the first day the code may be used, or null when the list does not say
 * @param stop   the last day, for a deactivated code, or null when the list does not say
 */
public record CarcCode(String code, String description, CarcCategory category, boolean active, LocalDate start, LocalDate stop) {

    public CarcCode {
        Objects.requireNonNull(category, "category");
        if (code == null || !code.matches("[A-Z]?[0-9]{1,3}")) {
            throw new InvalidValueException("code", "a CARC is 1 to 3 digits with an optional letter prefix (A2, B7, P24), not '" + code + "'");
        }
        if (category == CarcCategory.UNKNOWN_CODE) {
            throw new InvalidValueException("category", "UNKNOWN_CODE is what Ordo calls a code outside the set; it is not a category to load");
        }
        if (start != null && stop != null && stop.isBefore(start)) {
            throw new InvalidValueException("stop", "code " + code + " stops (" + stop + ") before it starts (" + start + ")");
        }
        description = description == null ? "" : description.strip();
    }

    /** Whether the code was deactivated on or before the day. */
    public boolean stoppedBy(LocalDate day) {
        return stop != null && !stop.isAfter(day);
    }
}
