package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings of another Ordo node on the tests' database, as an operator would run it against an external PostgreSQL:
 * the application logs in as {@code ordo_app}, the owner migrates, no demo data, maintenance off unless turned on.
 */
final class SecondNode {

    private SecondNode() {
    }

    static Map<String, Object> properties(EmbeddedPostgresServer postgres, String signingSecret) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", postgres.applicationJdbcUrl());
        properties.put("datasources.default.username", EmbeddedPostgresServer.APPLICATION_ROLE);
        properties.put("datasources.default.password", "");
        properties.put("ordo.database.owner.username", EmbeddedPostgresServer.OWNER);
        properties.put("ordo.demo.enabled", "false");
        properties.put("ordo.priority.maintenance.enabled", "false");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", signingSecret);
        return properties;
    }
}
