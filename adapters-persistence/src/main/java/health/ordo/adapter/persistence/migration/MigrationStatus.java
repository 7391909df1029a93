package health.ordo.adapter.persistence.migration;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Whether this node has brought the schema up to the migrations it ships, and to which version: set once the owner's
 * Flyway run succeeded and the migration history shows no failed migration. Readiness reports it.
 */
@Singleton
public final class MigrationStatus {

    private volatile String schemaVersion;

    void migrated(String version) {
        this.schemaVersion = version;
    }

    /** The schema version after this node's migrations; empty until they have run successfully. */
    public Optional<String> schemaVersion() {
        return Optional.ofNullable(schemaVersion);
    }
}
