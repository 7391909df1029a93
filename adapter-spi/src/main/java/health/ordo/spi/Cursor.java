package health.ordo.spi;

import java.util.Objects;

/** An opaque position in a source's change stream (a timestamp and key, a page token). */
public record Cursor(String value) {

    /** Before the first record. */
    public static final Cursor START = new Cursor("");

    public Cursor {
        Objects.requireNonNull(value, "value");
    }
}
