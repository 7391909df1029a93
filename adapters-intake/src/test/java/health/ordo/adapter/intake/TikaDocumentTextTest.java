package health.ordo.adapter.intake;

import health.ordo.application.port.out.intake.DocumentTextPort;
import health.ordo.domain.intake.IntakeDocument.TextSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sniffing from bytes, not names; text from plain text, e-mail and damaged PDFs; images without OCR have no text. */
class TikaDocumentTextTest {

    private final TikaDocumentText reader = new TikaDocumentText("ordo-no-such-tesseract");

    @Test
    void theTypeComesFromTheBytes_notTheName() {
        assertThat(reader.sniff("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("application/pdf");
        assertThat(reader.sniff("Dear provider, your claim was denied.".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(reader.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d})).isEqualTo("image/png");
        assertThat(reader.supports(reader.sniff(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0}))).isFalse();
    }

    @Test
    void legacyTextThatIsNotUtf8_isReadAsWindows1252() {
        byte[] bytes = "Caf\u00e9 \u2013 invoice".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(reader.read(bytes, "text/plain").text()).isEqualTo("Caf\u00e9 \u2013 invoice");
    }

    @Test
    void aDamagedPdf_isUnreadable_withTheReason() {
        assertThatThrownBy(() -> reader.read("%PDF-1.4 garbage".getBytes(StandardCharsets.US_ASCII), "application/pdf"))
                .isInstanceOf(DocumentTextPort.UnreadableDocumentException.class).hasMessageStartingWith("not a readable PDF");
    }

    @Test
    void anImage_withoutOcrOnTheNode_hasNoText_andSaysWhy() {
        DocumentTextPort.Text text = reader.read(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
        assertThat(text.source()).isEqualTo(TextSource.NONE);
        assertThat(text.note()).contains("no OCR");
    }

    @Test
    void anEmail_givesItsSubjectAndTheHtmlBodyWithoutTags_whenThereIsNoPlainPart() {
        String eml = "From: a@example.org\r\nSubject: Records request\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><body><p>Please send the <b>medical records</b> for claim 123.</p></body></html>\r\n";
        DocumentTextPort.Text text = reader.read(eml.getBytes(StandardCharsets.UTF_8), "message/rfc822");
        assertThat(text.source()).isEqualTo(TextSource.EMAIL);
        assertThat(text.text()).contains("Subject: Records request").contains("Please send the  medical records  for claim 123.")
                .doesNotContain("<b>");
    }
}
