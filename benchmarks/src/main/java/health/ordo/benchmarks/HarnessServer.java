package health.ordo.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The properties every HTTP harness starts Ordo with: a random port, no demo data, the rate limits lifted (a harness
 * measures throughput, the limits must not cap it), cheap password hashing, fresh secrets, and either an external
 * PostgreSQL ({@code --url}, {@code --user}, {@code --password}) or a clean embedded one in {@code target/<dataDir>}
 * with further server settings from {@code --postgres-settings a=b,c=d}; {@code --token-cache-millis N} sets the cache
 * of validated tokens (0: off, to measure what it saves).
 */
final class HarnessServer {

    private HarnessServer() {
    }

    /** {@code --key value} pairs. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    static Map<String, Object> properties(Map<String, String> options, String dataDir) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", "-1");
        properties.put("ordo.demo.enabled", "false");
        // the document classifier's warm-up trains for a quarter to half a minute on start: it would share the cores
        // with the first measured seconds (it did in an open-loop run on a small backlog, seeded in 7 s)
        properties.put("ordo.intake.warm-up", "false");
        properties.put("ordo.security.bcrypt-strength", "4");
        properties.put("datasources.default.maximum-pool-size", options.getOrDefault("--pool-size", "20"));
        properties.put("ordo.rate-limit.caller-per-second", "1000000");
        properties.put("ordo.rate-limit.caller-burst", "1000000");
        properties.put("ordo.rate-limit.tenant-per-second", "1000000");
        properties.put("ordo.rate-limit.tenant-burst", "1000000");
        properties.put("ordo.rate-limit.sign-in-per-minute", "1000000");
        properties.put("ordo.rate-limit.sign-in-burst", "1000000");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("ordo.secrets.key", UUID.randomUUID() + "-" + UUID.randomUUID());
        if (options.containsKey("--url")) {
            properties.put("datasources.default.url", options.get("--url"));
            properties.put("datasources.default.username", options.getOrDefault("--user", "postgres"));
            properties.put("datasources.default.password", options.getOrDefault("--password", ""));
        } else {
            properties.put("ordo.embedded-postgres.data-dir", Path.of("target", dataDir).toString());
            properties.put("ordo.embedded-postgres.clean-on-start", "true");
            for (String setting : options.getOrDefault("--postgres-settings", "").split(",")) {
                if (setting.contains("=")) {
                    properties.put("ordo.embedded-postgres.server-config." + setting.substring(0, setting.indexOf('=')),
                            setting.substring(setting.indexOf('=') + 1));
                }
            }
        }
        if (options.containsKey("--token-cache-millis")) {
            properties.put("ordo.security.token-cache-millis", options.get("--token-cache-millis"));
        }
        return properties;
    }
}
