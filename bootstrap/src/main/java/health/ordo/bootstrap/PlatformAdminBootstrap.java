package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * Outside the demo, the first platform operator {@code ops@platform} is created at start-up from
 * {@code ORDO_PLATFORM_ADMIN_PASSWORD} (at least 12 characters) when that is set and the user does not exist yet.
 */
@Singleton
@Requires(property = "ordo.platform-admin-password")
class PlatformAdminBootstrap {

    private final ProvisionTenantUseCase provision;
    private final String password;

    PlatformAdminBootstrap(ProvisionTenantUseCase provision, @Property(name = "ordo.platform-admin-password") String password) {
        this.provision = provision;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        provision.provision(TenantId.of("platform"), "Ordo platform", List.of(new ProvisionTenantUseCase.NewUser(
                Login.parse("ops@platform"), "Platform Operator", password, Set.of(Role.PLATFORM_ADMIN))));
    }
}
