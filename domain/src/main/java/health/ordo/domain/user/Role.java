package health.ordo.domain.user;

/** What a signed-in person may do; finer permissions per role arrive with the security issue. */
public enum Role {
    /** Works items from own queues. */
    WORKER,
    /** Leads a team: assignment, overrides. */
    SUPERVISOR,
    /** Configures a tenant: policies, connectors, users. */
    TENANT_ADMIN,
    /** A machine client of a tenant: ingests documents and reads, nothing else. */
    INTEGRATION
}
