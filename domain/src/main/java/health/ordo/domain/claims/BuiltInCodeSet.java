package health.ordo.domain.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CARC and RARC lists Ordo ships: every code X12 published as of {@value #VERSION}, active and deactivated, each CARC
 * with its category. Lists published later are loaded through the code-set API, without a new release.
 */
public final class BuiltInCodeSet {

    /** The publication the shipped lists are taken from. */
    public static final String VERSION = "x12-2026-08-17";

    private static final CodeSet CODES = CodeSet.of(VERSION, CodeSetText.carc(read("carc.tsv")), CodeSetText.rarc(read("rarc.tsv")));

    private BuiltInCodeSet() {
    }

    public static CodeSet get() {
        return CODES;
    }

    private static String read(String file) {
        try (InputStream in = BuiltInCodeSet.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the built-in code list " + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
