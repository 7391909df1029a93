package health.ordo.bootstrap;

import io.micronaut.runtime.Micronaut;

import java.util.Map;

/** Starts Ordo: resolves the JWT signing secret first (see {@link SigningSecret}), then the Micronaut context. */
public final class OrdoApplication {

    private OrdoApplication() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties;
        try {
            properties = SigningSecret.resolve(System.getenv(), System.getProperties());
        } catch (IllegalStateException e) {
            System.err.println("Ordo cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Micronaut.build(args).mainClass(OrdoApplication.class).properties(properties).start();
    }
}
