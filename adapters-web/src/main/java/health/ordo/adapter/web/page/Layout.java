package health.ordo.adapter.web.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Set;

/**
 * What every page's frame shows: the tenant's brand, the signed-in user and their roles, the CSRF token of the page's
 * forms, the texts, and the user's time zone (from the browser, else UTC) for every time shown.
 *
 * @param user null on the sign-in page
 */
public record Layout(String title, Brand brand, String user, String displayName, Set<String> roles, String csrf, Texts t,
                     ZoneId zone, String active) {

    /** The tenant's look: product name, logo, colours (validated by the domain), and a version for the stylesheet's URL. */
    public record Brand(String productName, String logoUrl, String primary, String accent, String version) {
    }

    public boolean admin() {
        return roles.contains("TENANT_ADMIN");
    }

    public boolean lead() {
        return roles.contains("SUPERVISOR") || roles.contains("TENANT_ADMIN");
    }

    /** A time in the user's zone, or a dash. */
    public String time(Instant instant) {
        return instant == null ? "—" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(java.util.Locale.forLanguageTag(t.lang()))
                .withZone(zone).format(instant) + " " + zone.getId();
    }
}
