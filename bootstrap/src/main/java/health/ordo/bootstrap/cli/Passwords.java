package health.ordo.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A new account's password comes from a file or the environment, never from the command line (shell history, ps). */
final class Passwords {

    static final String VARIABLE = "ORDO_NEW_USER_PASSWORD";

    private Passwords() {
    }

    static String read(CommandSpec spec, Path file) throws IOException {
        String password = file != null ? Files.readString(file, StandardCharsets.UTF_8).strip() : System.getenv(VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a password is needed: --password-file FILE or " + VARIABLE);
        }
        return password;
    }
}
