package health.ordo.bootstrap.cli;

import health.ordo.application.port.in.secret.RotateSecretsUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Seals every stored secret (connector credentials, pending approvals' secrets, webhook signing secrets) again under
 * the current {@code ORDO_SECRETS_KEY}, opening them with it or one of {@code ORDO_SECRETS_PREVIOUS_KEYS}; the same
 * work every node does hourly, done now and to the end.
 */
@Prototype
@Command(name = "rotate-secrets-key", mixinStandardHelpOptions = true,
        description = "Seal every stored secret again under the current ORDO_SECRETS_KEY (old keys in ORDO_SECRETS_PREVIOUS_KEYS).")
final class RotateSecretsKeyCommand implements Callable<Integer> {

    @Inject
    RotateSecretsUseCase rotation;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int total = 0;
        int round;
        while ((round = rotation.rotate()) > 0) {
            total += round;
            out.printf("sealed again: %d%n", total);
            out.flush();
        }
        out.printf("done: %d stored secrets sealed again; every stored secret is under the current key%n", total);
        return OrdoCli.OK;
    }
}
