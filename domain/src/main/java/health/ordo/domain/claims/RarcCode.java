package health.ordo.domain.claims;

import health.ordo.domain.shared.InvalidValueException;

import java.time.LocalDate;

/**
 * One Remittance Advice Remark Code of a code set: it explains an adjustment, it never decides one.
 *
 * @param alert  whether the remark is an alert (information only)
 * @param active whether the code is in use
 */
public record RarcCode(String code, String description, boolean alert, boolean active, LocalDate start, LocalDate stop) {

    public RarcCode {
        if (code == null || !code.matches("(M|MA|N)[0-9]{1,4}")) {
            throw new InvalidValueException("code", "a RARC is M, MA or N followed by digits (N130, MA04), not '" + code + "'");
        }
        if (start != null && stop != null && stop.isBefore(start)) {
            throw new InvalidValueException("stop", "code " + code + " stops (" + stop + ") before it starts (" + start + ")");
        }
        description = description == null ? "" : description.strip();
    }
}
