package health.ordo.domain.user;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.util.Locale;

/** A sign-in name of the form {@code user@tenant}, e.g. {@code alice@demo}. */
public record Login(String user, TenantId tenant) {

    public Login {
        InvalidValueException.require(user != null && user.matches("[a-z0-9][a-z0-9._-]{0,63}"), "username",
                "username must look like user@tenant");
        InvalidValueException.require(tenant != null, "username", "username must look like user@tenant");
    }

    /** Parses {@code user@tenant}, case-insensitively. */
    public static Login parse(String text) {
        InvalidValueException.require(text != null, "username", "username is required");
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        int at = normalized.lastIndexOf('@');
        InvalidValueException.require(at > 0 && at < normalized.length() - 1, "username", "username must look like user@tenant");
        return new Login(normalized.substring(0, at), new TenantId(normalized.substring(at + 1)));
    }

    @Override
    public String toString() {
        return user + "@" + tenant.value();
    }
}
