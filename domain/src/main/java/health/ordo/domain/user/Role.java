package health.ordo.domain.user;

/** What a signed-in person or machine client may do (the permission matrix is in docs/security.md). */
public enum Role {
    /** Works items from own queues. */
    WORKER,
    /** Leads a team: assignment, overrides. */
    SUPERVISOR,
    /** Configures a tenant: policies, connectors, users. */
    TENANT_ADMIN,
    /** A machine client of a tenant: ingests documents and reads, nothing else. */
    INTEGRATION,
    /** Operates the platform: provisions and brands tenants; no access to any tenant's work data. */
    PLATFORM_ADMIN
}
