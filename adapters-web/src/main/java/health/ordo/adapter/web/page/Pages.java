package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase;
import health.ordo.domain.tenant.Branding;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What every page handler needs: the frame of the page for its caller, rendering, redirects, the session renewed. */
@Singleton
class Pages {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Layout.Brand ORDO = new Layout.Brand("Ordo", null, "#1A5FB4", "#E5A50A", "ordo");

    private final ManageTenantsUseCase tenants;
    private final PageRenderer renderer;
    private final PageCsrf csrf;
    private final PageSession session;

    Pages(ManageTenantsUseCase tenants, PageRenderer renderer, PageCsrf csrf, PageSession session) {
        this.tenants = tenants;
        this.renderer = renderer;
        this.csrf = csrf;
        this.session = session;
    }

    PageCsrf csrf() {
        return csrf;
    }

    PageSession session() {
        return session;
    }

    Branding branding(Authentication authentication) {
        return tenants.branding(Caller.of(authentication).tenant());
    }

    static Layout.Brand brand(Branding branding) {
        return new Layout.Brand(branding.displayName(), branding.logoUrl(), branding.primaryColor(), branding.accentColor(),
                Integer.toHexString((branding.displayName() + branding.primaryColor() + branding.accentColor() + branding.logoUrl()).hashCode()));
    }

    /** The frame for a signed-in user. */
    Layout layout(HttpRequest<?> request, Authentication authentication, String title, String active) {
        Branding branding = branding(authentication);
        Texts texts = new Texts(locale(request), branding.terminology());
        Object name = authentication.getAttributes().get("name");
        return new Layout(title.startsWith("@") ? texts.get(title.substring(1)) : title, brand(branding), authentication.getName(),
                name == null ? authentication.getName() : name.toString(), Set.copyOf(authentication.getRoles()), csrf.forSession(request),
                texts, zone(request), active);
    }

    /** The frame before sign-in: Ordo's own look, and a CSRF token bound to the browser's pre-session cookie. */
    Layout anonymous(HttpRequest<?> request, String preSession, String titleKey) {
        Texts texts = new Texts(locale(request), Map.of());
        return new Layout(texts.get(titleKey), ORDO, null, null, Set.of(), csrf.token(preSession), texts, zone(request), "");
    }

    Texts texts(HttpRequest<?> request, Authentication authentication) {
        return new Texts(locale(request), branding(authentication).terminology());
    }

    /** Renders a page and renews the session (an active page keeps its user signed in). */
    MutableHttpResponse<String> page(HttpRequest<?> request, Authentication authentication, HttpStatus status, String template,
                                     Layout layout, Object view) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("layout", layout);
        if (view != null) {
            model.put("view", view);
        }
        MutableHttpResponse<String> response = renderer.render(status, template, model);
        if (authentication != null) {
            session.start(request, response, authentication);
        }
        return response;
    }

    MutableHttpResponse<String> render(HttpStatus status, String template, Map<String, Object> model) {
        return renderer.render(status, template, model);
    }

    /** The id in a page's path, or null when it is not one (the page answers 404). */
    static java.util.UUID uuid(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** 303 See Other: after a form, the browser loads the next page with GET. */
    static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    private static Locale locale(HttpRequest<?> request) {
        return request.getLocale().orElse(Locale.ENGLISH);
    }

    /** The user's zone as the browser reported it ({@code ordo.js} sets the {@code tz} cookie), else UTC. */
    static ZoneId zone(HttpRequest<?> request) {
        String tz = request.getCookies().findCookie("tz").map(Cookie::getValue).orElse(null);
        if (tz != null && tz.length() <= 64 && tz.matches("[A-Za-z0-9_+\\-/]+")) {
            try {
                return ZoneId.of(tz);
            } catch (DateTimeException e) {
                return UTC;
            }
        }
        return UTC;
    }
}
