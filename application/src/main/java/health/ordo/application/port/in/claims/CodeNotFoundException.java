package health.ordo.application.port.in.claims;

import health.ordo.application.port.in.NotFoundException;

/** The code set in force holds no such code. */
public final class CodeNotFoundException extends NotFoundException {

    public CodeNotFoundException(String list, String code) {
        super(list.toUpperCase(java.util.Locale.ROOT) + " " + code + " is not in the code set in force");
    }
}
