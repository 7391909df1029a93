package health.ordo.adapter.web.tenant;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase.TenantSummary;
import health.ordo.application.port.in.tenant.TenantNotFoundException;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.tenant.Branding;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/tenants}: PLATFORM_ADMIN provisions tenants (tenant, first admin, default calendar and SLA policies) without
 * a redeploy; a tenant's branding is read by its users and changed by its TENANT_ADMIN or the platform admin. Another
 * tenant's branding is 404 to a tenant's user.
 */
@Controller("/api/v1/tenants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Tenants")
@SerdeImport(TenantSummary.class)
class TenantController {

    @Serdeable
    record AdminRequest(@Schema(example = "root@acme") @Nullable String username, @Nullable String password, @Nullable String displayName) {
    }

    @Serdeable
    record CreateTenantRequest(@Schema(example = "acme") @Nullable String slug, @Schema(example = "Acme Health") @Nullable String name,
                               @Nullable AdminRequest admin, @Schema(example = "America/Chicago") @Nullable String timeZone) {
    }

    @Serdeable
    record TenantList(List<TenantSummary> items) {
    }

    @Serdeable
    @Schema(name = "Branding")
    record BrandingDto(@Nullable String displayName, @Nullable String logoUrl, @Schema(example = "#1A5FB4") @Nullable String primaryColor,
                       @Schema(example = "#E5A50A") @Nullable String accentColor,
                       @Schema(example = "{\"work item\":\"case\"}") @Nullable Map<String, String> terminology) {

        static BrandingDto of(Branding b) {
            return new BrandingDto(b.displayName(), b.logoUrl(), b.primaryColor(), b.accentColor(), b.terminology());
        }
    }

    private final ManageTenantsUseCase tenants;

    TenantController(ManageTenantsUseCase tenants) {
        this.tenants = tenants;
    }

    @Post
    @Secured("PLATFORM_ADMIN")
    @Operation(summary = "Provision a tenant with its first admin, default calendar and SLA policies (PLATFORM_ADMIN)")
    HttpResponse<TenantSummary> create(@Nullable @Body CreateTenantRequest body) {
        if (body == null) {
            throw new InvalidRequestException("body", "slug, name and admin are required");
        }
        AdminRequest admin = body.admin() == null ? new AdminRequest(null, null, null) : body.admin();
        TenantSummary created = tenants.create(body.slug(), body.name(),
                new ManageTenantsUseCase.FirstAdmin(admin.username(), admin.password(), admin.displayName()), body.timeZone());
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + created.id()));
    }

    @Get
    @Secured("PLATFORM_ADMIN")
    @Operation(summary = "All tenants (PLATFORM_ADMIN): id, name, created")
    TenantList list() {
        return new TenantList(tenants.list());
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "One tenant: id, name, created (its own users, or the platform admin) — where a created tenant's Location points")
    TenantSummary tenant(Authentication authentication, @PathVariable String id) {
        String visible = visible(authentication, id).value();
        return tenants.list().stream().filter(t -> t.id().equals(visible)).findFirst().orElseThrow(() -> new TenantNotFoundException(id));
    }

    @Get("/{id}/branding")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The tenant's branding (its users, or the platform admin)")
    BrandingDto branding(Authentication authentication, @PathVariable String id) {
        return BrandingDto.of(tenants.branding(visible(authentication, id)));
    }

    @Put("/{id}/branding")
    @Secured({"TENANT_ADMIN", "PLATFORM_ADMIN"})
    @Operation(summary = "Change the tenant's branding: display name, https logo URL, #RRGGBB colours, terminology overrides")
    BrandingDto brand(Authentication authentication, @PathVariable String id, @Nullable @Body BrandingDto body) {
        if (body == null) {
            throw new InvalidRequestException("body", "a branding is required");
        }
        TenantId tenant = visible(authentication, id);
        return BrandingDto.of(tenants.brand(new Branding(tenant, body.displayName(), body.logoUrl(), body.primaryColor(),
                body.accentColor(), body.terminology())));
    }

    /** A tenant's own id, or any for the platform admin; anything else is not found (no existence leak). */
    private static TenantId visible(Authentication authentication, String id) {
        TenantId tenant;
        try {
            tenant = TenantId.of(id);
        } catch (InvalidValueException e) {
            throw new TenantNotFoundException(id);
        }
        if (authentication.getRoles().contains("PLATFORM_ADMIN") || Caller.of(authentication).tenant().equals(tenant)) {
            return tenant;
        }
        throw new TenantNotFoundException(id);
    }
}
