package health.ordo.adapter.web.api;

import java.util.UUID;
import java.util.function.Function;

/** Ids in request paths: a UUID, or the caller's own answer to one that is not (a 404 for a resource, a 400 for a job). */
public final class PathIds {

    private PathIds() {
    }

    public static UUID uuid(String id, Function<String, ? extends RuntimeException> notAUuid) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notAUuid.apply(id);
        }
    }
}
