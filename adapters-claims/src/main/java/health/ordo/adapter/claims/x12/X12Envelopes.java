package health.ordo.adapter.claims.x12;

import health.ordo.spi.MalformedDocumentException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an X12 file segment by segment, without holding its segments: its interchanges (each with its own separators,
 * read from its ISA) and their transaction sets, checking the envelope nesting ISA → GS → ST … SE → GE → IEA as it goes,
 * and handing the segments of each 835 transaction set to a {@link Visitor}. A structure that cannot be read safely (no
 * ISA, a transaction without SE, a truncated interchange) refuses the file naming the segment; defects a clearinghouse
 * tolerates (SE counts, control numbers that do not match) are warnings. A reader that must not act on a file it might
 * still refuse scans it twice: once to check it ({@link #CHECK}), once to read it.
 */
final class X12Envelopes {

    private static final int ISA_LENGTH = 106;

    /** What a scan hands on, in file order, for each 835 transaction set: its ST, each segment between ST and SE, its SE. */
    interface Visitor {
        void start(X12Segment st);

        void segment(X12Segment segment);

        void end(X12Segment se);
    }

    /** A visitor that takes nothing: the scan only checks the file. */
    static final Visitor CHECK = new Visitor() {
        @Override
        public void start(X12Segment st) {
        }

        @Override
        public void segment(X12Segment segment) {
        }

        @Override
        public void end(X12Segment se) {
        }
    };

    /** How many interchanges the file holds, and how many 835 transaction sets. */
    record Counts(int interchanges, int transactions) {
    }

    private X12Envelopes() {
    }

    static Counts scan(String text, List<String> warnings, Visitor visitor) {
        Envelope envelope = new Envelope(warnings, visitor);
        int interchanges = 0;
        int offset = skipBlanks(text, 0);
        if (offset >= text.length()) {
            throw new MalformedDocumentException("ISA", "segment 1, position 0: the file is empty");
        }
        while (offset < text.length()) {
            offset = interchange(text, offset, envelope);
            interchanges++;
            offset = skipBlanks(text, offset);
        }
        return new Counts(interchanges, envelope.transactions);
    }

    /** Reads one interchange's segments from {@code offset} up to and including its IEA; returns the offset after it. */
    private static int interchange(String text, int offset, Envelope envelope) {
        int before = envelope.position;
        if (!text.startsWith("ISA", offset) || text.length() - offset < ISA_LENGTH) {
            throw new MalformedDocumentException("ISA", "segment " + (before + 1) + ", position " + offset + ": "
                    + (before == 0 ? "an X12 interchange starts with a 106-character ISA segment"
                    : "what follows the IEA at segment " + before + " is not another ISA interchange"));
        }
        char elementSeparator = text.charAt(offset + 3);
        char componentSeparator = text.charAt(offset + 104);
        char terminator = text.charAt(offset + 105);
        if (Character.isLetterOrDigit(elementSeparator) || Character.isLetterOrDigit(terminator) || elementSeparator == terminator
                || componentSeparator == elementSeparator || componentSeparator == terminator) {
            throw new MalformedDocumentException("ISA", "segment " + (before + 1) + ", position " + offset
                    + ": the ISA does not declare usable separators (element '" + elementSeparator + "', component '"
                    + componentSeparator + "', segment terminator '" + terminator + "')");
        }
        envelope.isa = null;
        while (offset < text.length()) {
            int end = text.indexOf(terminator, offset);
            String raw = end < 0 ? text.substring(offset) : text.substring(offset, end);
            offset = end < 0 ? text.length() : end + 1;
            String segment = raw.strip();
            if (segment.isEmpty()) {
                continue;
            }
            List<String> elements = elements(segment, elementSeparator);
            X12Segment read = new X12Segment(++envelope.position, elements, componentSeparator);
            if (read.id().equals("ISA") && elements.size() != 17) {
                throw new MalformedDocumentException("ISA", read.where() + ": an ISA has 16 elements, this one " + (elements.size() - 1));
            }
            envelope.accept(read);
            if (read.id().equals("IEA")) {
                return offset;
            }
        }
        throw new MalformedDocumentException("IEA", "the interchange starting at segment " + (before + 1)
                + " has no IEA: the file is incomplete");
    }

    /**
     * The segment's elements, empty ones kept (a plain character scan: a regular expression compiled per segment cost
     * more than the rest of reading a large remittance file).
     */
    static List<String> elements(String segment, char separator) {
        List<String> elements = new java.util.ArrayList<>(16);
        int from = 0;
        for (int at = segment.indexOf(separator); at >= 0; at = segment.indexOf(separator, from)) {
            elements.add(segment.substring(from, at));
            from = at + 1;
        }
        elements.add(segment.substring(from));
        return java.util.Collections.unmodifiableList(elements);
    }

    /** The nesting of the interchange being read, checked segment by segment. */
    private static final class Envelope {
        private final List<String> warnings;
        private final Visitor visitor;
        int position;
        int transactions;
        private X12Segment isa;
        private X12Segment gs;
        private X12Segment st;
        private boolean reading;
        private int body;
        private int transactionsInGroup;

        Envelope(List<String> warnings, Visitor visitor) {
            this.warnings = warnings;
            this.visitor = visitor;
        }

        void accept(X12Segment segment) {
            if (isa == null) {
                isa = segment;
                gs = null;
                st = null;
                return;
            }
            switch (segment.id()) {
                case "ISA" -> throw new MalformedDocumentException("IEA", "the interchange starting at segment " + isa.position()
                        + " has no IEA before the next ISA (" + segment.where() + ")");
                case "GS" -> {
                    if (st != null) {
                        throw noSe(st, segment);
                    }
                    if (gs != null) {
                        throw noGe(gs, segment);
                    }
                    gs = segment;
                    transactionsInGroup = 0;
                }
                case "ST" -> {
                    if (gs == null) {
                        throw new MalformedDocumentException("GS", segment.where() + ": a transaction set outside a GS group");
                    }
                    if (st != null) {
                        throw noSe(st, segment);
                    }
                    st = segment;
                    body = 0;
                    reading = wanted(segment, gs.element(8));
                    if (reading) {
                        transactions++;
                        visitor.start(segment);
                    }
                }
                case "SE" -> {
                    if (st == null) {
                        throw new MalformedDocumentException("ST", segment.where() + ": an SE without its ST");
                    }
                    int counted = body + 2;
                    if (!segment.element(1).equals(Integer.toString(counted))) {
                        warnings.add(segment.where() + ": SE segment count " + segment.element(1) + " but the transaction holds "
                                + counted + " segments");
                    }
                    transactionsInGroup++;
                    if (reading) {
                        visitor.end(segment);
                    }
                    st = null;
                }
                case "GE" -> {
                    if (st != null) {
                        throw noSe(st, segment);
                    }
                    if (gs == null) {
                        throw new MalformedDocumentException("GS", segment.where() + ": a GE without its GS");
                    }
                    if (!segment.element(2).equals(gs.element(6))) {
                        warnings.add(segment.where() + ": GE02 " + segment.element(2) + " does not match GS06 " + gs.element(6));
                    }
                    if (!segment.element(1).equals(Integer.toString(transactionsInGroup))) {
                        warnings.add(segment.where() + ": GE01 " + segment.element(1) + " but the group holds " + transactionsInGroup
                                + " transaction sets");
                    }
                    gs = null;
                }
                case "IEA" -> {
                    if (st != null) {
                        throw noSe(st, segment);
                    }
                    if (gs != null) {
                        throw noGe(gs, segment);
                    }
                    if (!segment.element(2).equals(isa.element(13))) {
                        warnings.add(segment.where() + ": IEA02 " + segment.element(2) + " does not match ISA13 " + isa.element(13));
                    }
                }
                default -> {
                    if (st == null) {
                        warnings.add(segment.where() + ": outside a transaction set, ignored");
                    } else {
                        body++;
                        if (reading) {
                            visitor.segment(segment);
                        }
                    }
                }
            }
        }

        /** Whether the transaction set is an 835 (another set is skipped with a warning; another version is read as 5010). */
        private boolean wanted(X12Segment st, String version) {
            if (!st.element(1).equals("835")) {
                warnings.add(st.where() + ": transaction set " + st.element(1) + " is not an 835 remittance, skipped");
                return false;
            }
            if (!version.startsWith("005010X221") && !version.startsWith("004010X091")) {
                warnings.add(st.where() + ": version " + version + " read as 005010X221A1");
            }
            return true;
        }
    }

    private static MalformedDocumentException noGe(X12Segment gs, X12Segment next) {
        return new MalformedDocumentException("GE", "the group starting at " + gs.where() + " has no GE before " + next.where());
    }

    private static MalformedDocumentException noSe(X12Segment st, X12Segment next) {
        return new MalformedDocumentException("SE", "the transaction set " + st.element(2) + " starting at " + st.where()
                + " has no SE before " + next.where() + ": the file is incomplete");
    }

    private static int skipBlanks(String text, int offset) {
        while (offset < text.length() && (Character.isWhitespace(text.charAt(offset)) || text.charAt(offset) == '\u001a'
                || text.charAt(offset) == '\0')) {
            offset++;
        }
        return offset;
    }

    /**
     * The file's text: UTF-8, or ISO-8859-1 when it is not valid UTF-8. A NUL byte is refused: delimiters may be control
     * characters, NUL never is, and it would only corrupt what is stored.
     */
    static String text(byte[] document) {
        for (int i = 0; i < document.length; i++) {
            if (document[i] == 0) {
                throw new MalformedDocumentException("ISA", "a NUL character at byte " + i + " is not allowed in an X12 file");
            }
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(document)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(document, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
