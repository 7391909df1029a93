package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.tenant.Branding;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tenant's look: the branding page (tenant admins), which saves through the same use case as
 * {@code PUT /api/v1/tenants/{id}/branding}, and the stylesheet of the tenant's colours every page links, so a change
 * shows on the next page load.
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class BrandingPage {

    /** The form's values and the field at fault, if any. */
    public record Form(String displayName, String logoUrl, String primaryColor, String accentColor, List<Term> terms,
                       String errorField, String error, boolean saved) {
    }

    /** One renamable term: Ordo's word, the form field, the tenant's word (empty: Ordo's). */
    public record Term(String term, String field, String value) {
    }

    private static List<Term> terms(Map<String, String> values) {
        return new TreeSet<>(Branding.TERMS).stream().map(t -> new Term(t, "term." + t.replace(' ', '_'), values.getOrDefault(t, ""))).toList();
    }

    private final Pages pages;
    private final ManageTenantsUseCase tenants;

    BrandingPage(Pages pages, ManageTenantsUseCase tenants) {
        this.pages = pages;
        this.tenants = tenants;
    }

    @Get("/admin/branding")
    @Secured("TENANT_ADMIN")
    HttpResponse<?> form(HttpRequest<?> request, Authentication authentication) {
        Branding b = pages.branding(authentication);
        boolean saved = request.getParameters().contains("saved");
        return pages.page(request, authentication, HttpStatus.OK, "branding", pages.layout(request, authentication, "@branding.title", "branding"),
                new Form(b.displayName(), b.logoUrl() == null ? "" : b.logoUrl(), b.primaryColor(), b.accentColor(), terms(b.terminology()),
                        null, null, saved));
    }

    @Post(value = "/admin/branding", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("TENANT_ADMIN")
    HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        String logo = form.getOrDefault("logoUrl", "").strip();
        Map<String, String> terminology = new TreeMap<>();
        for (String term : Branding.TERMS) {
            String word = form.getOrDefault("term." + term.replace(' ', '_'), "").strip();
            if (!word.isEmpty()) {
                terminology.put(term, word);
            }
        }
        Form values = new Form(form.getOrDefault("displayName", ""), logo, form.getOrDefault("primaryColor", ""),
                form.getOrDefault("accentColor", ""), terms(terminology), null, null, false);
        try {
            tenants.brand(new Branding(caller.tenant(), values.displayName(), logo.isEmpty() ? null : logo,
                    values.primaryColor().toUpperCase(Locale.ROOT), values.accentColor().toUpperCase(Locale.ROOT), terminology));
        } catch (InvalidValueException e) {
            return pages.page(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, "branding",
                    pages.layout(request, authentication, "@branding.title", "branding"),
                    new Form(values.displayName(), logo, values.primaryColor(), values.accentColor(), values.terms(), e.field(),
                            e.getMessage(), false));
        }
        return Pages.seeOther("/ui/admin/branding?saved");
    }

    /** The tenant's colours as CSS custom properties; text on them is black or white, whichever contrasts more. */
    @Get(value = "/branding.css", produces = "text/css")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> stylesheet(Authentication authentication) {
        Branding b = pages.branding(authentication);
        String css = ":root{--primary:" + b.primaryColor() + ";--on-primary:" + onColour(b.primaryColor()) + ";--accent:" + b.accentColor()
                + ";--on-accent:" + onColour(b.accentColor()) + "}\n";
        return HttpResponse.ok(css).contentType("text/css;charset=utf-8").header("Cache-Control", "private, max-age=300");
    }

    /** Black or white on a #RRGGBB background, by WCAG relative luminance. */
    static String onColour(String hex) {
        double l = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
        return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#FFFFFF";
    }

    private static double channel(String hex, int at) {
        double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
