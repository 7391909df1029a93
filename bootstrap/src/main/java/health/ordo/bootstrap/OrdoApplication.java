package health.ordo.bootstrap;

import ch.qos.logback.classic.Level;
import health.ordo.bootstrap.cli.OrdoCli;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Starts Ordo: resolves the JWT signing secret first (see {@link SigningSecret}), then the Micronaut server; or, when
 * the first argument names an admin command ({@link OrdoCli}), runs that command and exits with its code.
 */
public final class OrdoApplication {

    private OrdoApplication() {
    }

    public static void main(String[] args) {
        if (OrdoCli.handles(args)) {
            System.exit(command(args));
            return;
        }
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

    /** An admin command: warnings and errors only unless {@code -Dlogger.levels.root=INFO}; help needs no secret. */
    private static int command(String[] args) {
        String level = System.getProperty("logger.levels.root", "WARN");
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.toLevel(level, Level.WARN));
        return OrdoCli.run(args, () -> SigningSecret.resolve(System.getenv(), System.getProperties()),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }
}
