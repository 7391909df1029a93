package health.ordo.adapter.web.security;

import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Audit entries of sign-ins and token grants (HIPAA 164.312(b)): successful and failed sign-ins, refusals during a
 * back-off (lock-outs), machine tokens granted and refused. An entry goes to the tenant the account belongs to; one
 * naming no tenant of Ordo goes to the platform's log ({@value #PLATFORM}). No password or secret is ever recorded.
 */
@Singleton
public class SignInAudit {

    static final String PLATFORM = "platform";
    private static final Logger LOG = LoggerFactory.getLogger(SignInAudit.class);

    private final Provider<AuditUseCase> audit;

    SignInAudit(Provider<AuditUseCase> audit) {
        this.audit = audit;
    }

    /** A user's sign-in: {@code action} is {@code sign-in}, {@code sign-in failed} or {@code sign-in refused}. */
    void user(HttpRequest<?> request, String username, String action, String reason, String address) {
        TenantId tenant;
        try {
            tenant = Login.parse(username).tenant();
        } catch (InvalidValueException | IllegalArgumentException e) {
            tenant = TenantId.of(PLATFORM);
        }
        write(request, tenant, username, action, "users", reason, address);
    }

    /** A machine client's token request: {@code token granted} or {@code token refused}. */
    public void client(HttpRequest<?> request, TenantId tenant, String clientId, String action, String reason, String address) {
        write(request, tenant == null ? TenantId.of(PLATFORM) : tenant, clientId, action, "api-clients", reason, address);
    }

    private void write(HttpRequest<?> request, TenantId tenant, String who, String action, String entityType, String reason,
                       String address) {
        String name = who == null ? "" : who.length() > 200 ? who.substring(0, 200) : who;
        String requestId = request == null ? null : request.getHeaders().get("X-Request-Id");
        try {
            audit.get().record(tenant, name, action, entityType, name, reason == null ? Map.of() : Map.of("reason", reason),
                    requestId == null || requestId.length() > 100 ? UUID.randomUUID().toString() : requestId, address);
        } catch (Exception e) { // a JDBC failure may arrive as a checked SQLException, thrown on unchecked
            LOG.error("audit entry of a {} could not be written", action, e);
        }
    }
}
