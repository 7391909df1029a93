package health.ordo.adapter.claims.x12;

import health.ordo.spi.MalformedDocumentException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an X12 file into its interchanges (each with its own separators, read from its ISA) and their transaction
 * sets, checking the envelope nesting ISA → GS → ST … SE → GE → IEA. A structure that cannot be read safely (no ISA,
 * a transaction without SE, a truncated interchange) refuses the file naming the segment; defects a clearinghouse
 * tolerates (SE counts, control numbers that do not match) are warnings.
 */
final class X12Envelopes {

    private static final int ISA_LENGTH = 106;

    /** One ST … SE transaction set: its ST, the segments between ST and SE, and the group's version (GS08). */
    record Transaction(X12Segment st, List<X12Segment> body, String version) {

        String transactionSet() {
            return st.element(1);
        }

        String controlNumber() {
            return st.element(2);
        }
    }

    /** The file's transaction sets in file order, and how many interchanges held them. */
    record Contents(int interchanges, List<Transaction> transactions) {
    }

    private X12Envelopes() {
    }

    static Contents read(String text, List<String> warnings) {
        List<Transaction> transactions = new ArrayList<>();
        int interchanges = 0;
        int position = 0;
        int offset = skipBlanks(text, 0);
        if (offset >= text.length()) {
            throw new MalformedDocumentException("ISA", "segment 1, position 0: the file is empty");
        }
        while (offset < text.length()) {
            List<X12Segment> segments = new ArrayList<>();
            offset = interchange(text, offset, position, segments);
            position += segments.size();
            check(segments, transactions, warnings);
            interchanges++;
            offset = skipBlanks(text, offset);
        }
        return new Contents(interchanges, transactions);
    }

    /** Reads one interchange's segments from {@code offset} up to and including its IEA; returns the offset after it. */
    private static int interchange(String text, int offset, int before, List<X12Segment> segments) {
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
        while (offset < text.length()) {
            int end = text.indexOf(terminator, offset);
            String raw = end < 0 ? text.substring(offset) : text.substring(offset, end);
            offset = end < 0 ? text.length() : end + 1;
            String segment = raw.strip();
            if (segment.isEmpty()) {
                continue;
            }
            List<String> elements = elements(segment, elementSeparator);
            X12Segment read = new X12Segment(before + segments.size() + 1, elements, componentSeparator);
            segments.add(read);
            if (read.id().equals("ISA") && elements.size() != 17) {
                throw new MalformedDocumentException("ISA", read.where() + ": an ISA has 16 elements, this one " + (elements.size() - 1));
            }
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

    /** Checks one interchange's nesting and keeps its transaction sets. */
    private static void check(List<X12Segment> segments, List<Transaction> transactions, List<String> warnings) {
        X12Segment isa = segments.get(0);
        X12Segment gs = null;
        X12Segment st = null;
        List<X12Segment> body = new ArrayList<>();
        int transactionsInGroup = 0;
        for (X12Segment segment : segments.subList(1, segments.size())) {
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
                    body = new ArrayList<>();
                }
                case "SE" -> {
                    if (st == null) {
                        throw new MalformedDocumentException("ST", segment.where() + ": an SE without its ST");
                    }
                    int counted = body.size() + 2;
                    if (!segment.element(1).equals(Integer.toString(counted))) {
                        warnings.add(segment.where() + ": SE segment count " + segment.element(1) + " but the transaction holds "
                                + counted + " segments");
                    }
                    transactionsInGroup++;
                    keep(new Transaction(st, List.copyOf(body), gs.element(8)), transactions, warnings);
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
                        body.add(segment);
                    }
                }
            }
        }
    }

    private static void keep(Transaction transaction, List<Transaction> transactions, List<String> warnings) {
        if (!transaction.transactionSet().equals("835")) {
            warnings.add(transaction.st().where() + ": transaction set " + transaction.transactionSet()
                    + " is not an 835 remittance, skipped");
            return;
        }
        String version = transaction.version();
        if (!version.startsWith("005010X221") && !version.startsWith("004010X091")) {
            warnings.add(transaction.st().where() + ": version " + version + " read as 005010X221A1");
        }
        transactions.add(transaction);
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
