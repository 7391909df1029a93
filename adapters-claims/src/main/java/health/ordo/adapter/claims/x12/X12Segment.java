package health.ordo.adapter.claims.x12;

import java.util.List;

/**
 * One segment of an X12 file: its elements (index 0 is the segment id, so {@code element(1)} is e.g. CLP01), its
 * position in the file (1-based, counted over the whole file) and the interchange's component separator.
 */
record X12Segment(int position, List<String> elements, char componentSeparator) {

    String id() {
        return elements.get(0);
    }

    /** The element's value without surrounding blanks; empty when the segment does not carry it. */
    String element(int index) {
        return index < elements.size() ? elements.get(index).strip() : "";
    }

    boolean has(int index) {
        return !element(index).isEmpty();
    }

    /** A composite element split on the component separator (ISA16). */
    List<String> components(int index) {
        return X12Envelopes.elements(element(index), componentSeparator);
    }

    /** How messages name it: {@code CLP at segment 12}. */
    String where() {
        return id() + " at segment " + position;
    }
}
