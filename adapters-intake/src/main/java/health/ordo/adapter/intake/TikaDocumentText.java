package health.ordo.adapter.intake;

import health.ordo.application.port.out.intake.DocumentTextPort;
import health.ordo.domain.intake.IntakeDocument.TextSource;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.Tika;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a document is, sniffed from its bytes by Apache Tika's detector (the file name is never trusted), and its text:
 * PDFs through Apache PDFBox (scans without a text layer rendered and OCR'd when the node has {@code tesseract}), e-mails
 * through Apache James mime4j (the body and each attachment's text), images through OCR, plain text decoded as UTF-8 or,
 * failing that, Windows-1252.
 */
@Singleton
public final class TikaDocumentText implements DocumentTextPort {

    static final String PDF = "application/pdf";
    static final String TEXT = "text/plain";
    static final String EMAIL = "message/rfc822";
    private static final Set<String> IMAGES = Set.of("image/tiff", "image/png", "image/jpeg");
    /** Scans are OCR'd up to this many pages; the rest is left for the reader of the stored PDF. */
    private static final int OCR_PAGES = 20;
    private static final float OCR_DPI = 300;
    /** Below this many letters per page a PDF page is taken for a scan without a text layer. */
    private static final int LETTERS_PER_TEXT_PAGE = 40;

    private final Tika tika = new Tika();
    private final Tesseract ocr;

    public TikaDocumentText(@Value("${ordo.intake.tesseract:tesseract}") String tesseract) {
        this.ocr = new Tesseract(tesseract);
    }

    @Override
    public String sniff(byte[] bytes) {
        String type = tika.detect(bytes);
        // Tika names some plain text by what it looks like (a log, a CSV): intake reads them all as text
        if (type.startsWith("text/") && !type.equals("text/html") && !type.equals("text/xml")) {
            return TEXT;
        }
        return type;
    }

    @Override
    public boolean supports(String mediaType) {
        return PDF.equals(mediaType) || TEXT.equals(mediaType) || EMAIL.equals(mediaType) || IMAGES.contains(mediaType);
    }

    @Override
    public Text read(byte[] bytes, String mediaType) {
        if (PDF.equals(mediaType)) {
            return pdf(bytes);
        }
        if (EMAIL.equals(mediaType)) {
            return email(bytes);
        }
        if (IMAGES.contains(mediaType)) {
            Optional<String> text = ocr.read(bytes, "." + mediaType.substring("image/".length()));
            return new Text(text.orElse(""), text.isPresent() ? TextSource.OCR : TextSource.NONE, 1,
                    text.isPresent() ? null : "an image, and this node has no OCR (tesseract)");
        }
        if (TEXT.equals(mediaType)) {
            return new Text(decode(bytes), TextSource.PLAIN, 1, null);
        }
        throw new UnreadableDocumentException("intake does not read " + mediaType, null);
    }

    private Text pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            String text = new PDFTextStripper().getText(document);
            long letters = text.codePoints().filter(Character::isLetter).count();
            if (letters >= (long) LETTERS_PER_TEXT_PAGE * Math.max(1, pages) / 2) {
                return new Text(text, TextSource.TEXT_LAYER, pages, null);
            }
            if (!ocr.available()) {
                return new Text(text, TextSource.NONE, pages, "a scan without a text layer, and this node has no OCR (tesseract)");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            StringBuilder ocrText = new StringBuilder();
            for (int page = 0; page < Math.min(pages, OCR_PAGES); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, OCR_DPI, ImageType.GRAY);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                ocr.read(png.toByteArray(), ".png").ifPresent(t -> ocrText.append(t).append('\n'));
            }
            return new Text(ocrText.toString(), TextSource.OCR, pages, pages > OCR_PAGES ? "OCR stopped after " + OCR_PAGES + " pages" : null);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("the PDF is encrypted with a password", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    private Text email(byte[] bytes) {
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            Message message = builder.parseMessage(new ByteArrayInputStream(bytes));
            StringBuilder text = new StringBuilder();
            if (message.getSubject() != null) {
                text.append("Subject: ").append(message.getSubject()).append('\n');
            }
            if (message.getFrom() != null && !message.getFrom().isEmpty()) {
                text.append("From: ").append(message.getFrom().get(0)).append('\n');
            }
            text.append('\n');
            List<String> notes = new ArrayList<>();
            int[] pages = {1};
            append(message, text, notes, pages);
            return new Text(text.toString(), TextSource.EMAIL, pages[0], notes.isEmpty() ? null : String.join("; ", notes));
        } catch (IOException e) {
            throw new UnreadableDocumentException("not a readable e-mail: " + e.getMessage(), e);
        }
    }

    /** The entity's text: text parts as they are (HTML without its tags when there is no plain part), attachments read by type. */
    private void append(Entity entity, StringBuilder text, List<String> notes, int[] pages) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            boolean alternative = "alternative".equalsIgnoreCase(multipart.getSubType());
            boolean hasPlain = multipart.getBodyParts().stream().anyMatch(p -> TEXT.equalsIgnoreCase(p.getMimeType()));
            for (Entity part : multipart.getBodyParts()) {
                if (alternative && hasPlain && !TEXT.equalsIgnoreCase(part.getMimeType())) {
                    continue;
                }
                append(part, text, notes, pages);
            }
            return;
        }
        if (body instanceof Message nested) {
            append(nested, text, notes, pages);
            return;
        }
        String type = entity.getMimeType() == null ? TEXT : entity.getMimeType().toLowerCase(Locale.ROOT);
        String name = entity.getFilename();
        if (body instanceof TextBody textBody && entity.getFilename() == null) {
            String content = read(textBody);
            text.append(type.equals("text/html") ? withoutTags(content) : content).append('\n');
            return;
        }
        byte[] content = bytes(body);
        String sniffed = sniff(content);
        if (!supports(sniffed) || EMAIL.equals(sniffed) && content.length == 0) {
            notes.add("attachment " + (name == null ? "(unnamed)" : name) + " is " + sniffed + ", not read");
            return;
        }
        Text attachment = read(content, sniffed);
        text.append("\n--- attachment ").append(name == null ? "(unnamed)" : name).append(" ---\n").append(attachment.text()).append('\n');
        pages[0] += attachment.pages();
        if (attachment.note() != null) {
            notes.add((name == null ? "attachment" : name) + ": " + attachment.note());
        }
    }

    private static String read(TextBody body) throws IOException {
        try (Reader reader = body.getReader()) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }

    private static byte[] bytes(Body body) throws IOException {
        if (body instanceof BinaryBody binary) {
            try (InputStream in = binary.getInputStream()) {
                return in.readAllBytes();
            }
        }
        if (body instanceof TextBody textBody) {
            try (InputStream in = textBody.getInputStream()) {
                return in.readAllBytes();
            }
        }
        return new byte[0];
    }

    /** An HTML part's text: a mail body, not a page, so dropping the tags and decoding a few entities is enough. */
    private static String withoutTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>", "\n")
                .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }

    /** UTF-8 when the bytes are valid UTF-8 (a byte-order mark dropped); Windows-1252 otherwise, as most legacy text is. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
