package health.ordo.bootstrap.observability;

import health.ordo.adapter.persistence.migration.MigrationStatus;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * Readiness of the schema ({@code /health/readiness}, with the database's own check): DOWN until this node's Flyway
 * migrations have run and the history shows none failed, then UP with the schema version.
 */
@Singleton
@Readiness
class SchemaReadiness implements HealthIndicator {

    private final MigrationStatus migrations;

    SchemaReadiness(MigrationStatus migrations) {
        this.migrations = migrations;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(migrations.schemaVersion()
                .map(version -> HealthResult.builder("schema", HealthStatus.UP).details(Map.of("version", version)).build())
                .orElseGet(() -> HealthResult.builder("schema", HealthStatus.DOWN)
                        .details(Map.of("reason", "the schema migrations have not completed")).build()));
    }
}
