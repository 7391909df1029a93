package health.ordo.application.port.out.claims;

import health.ordo.domain.claims.CodeSet;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The code sets a deployment or a tenant loaded, each kept whole under its version. The one in force for a tenant is its
 * own newest, else the deployment's newest; empty when neither loaded one (the built-in lists are in force then).
 */
public interface CodeSetPort {

    Optional<CodeSet> inForce(TenantId tenant);

    /** The deployment's newest code set; empty when it loaded none. */
    Optional<CodeSet> deploymentInForce();

    /** Whether the version is loaded for the tenant, or for the deployment when {@code tenant} is null. */
    boolean exists(TenantId tenant, String version);

    /** Keeps a code set for the tenant, or for the whole deployment when {@code tenant} is null. */
    void save(TenantId tenant, CodeSet codes, String loadedBy, Instant at);

    /** The versions loaded for the tenant and for the deployment, newest first. */
    List<Loaded> loaded(TenantId tenant);

    /** One loaded version; {@code tenant} is false for the deployment's. */
    record Loaded(String version, boolean tenant, String loadedBy, Instant loadedAt, int carcCodes, int rarcCodes) {
    }
}
