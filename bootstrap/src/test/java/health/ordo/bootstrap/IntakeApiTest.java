package health.ordo.bootstrap;

import health.ordo.adapter.intake.folder.IntakeFolderWatcher;
import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import health.ordo.spi.folder.WatchedFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document intake from outside, over HTTP: a PDF denial letter becomes a scored CLAIM_DENIAL with its appeal deadline,
 * its confidence and its fields; an unclear document becomes a review item whose correction creates the work and a label;
 * a scan without text, a duplicate, an unknown file, an e-mail with a PDF attachment; degraded mode with the model off;
 * a candidate classifier live only after a second person approves it, and rolled back in one call.
 */
@MicronautTest(transactional = false)
class IntakeApiTest {

    static final String DENIAL_LETTER = """
            Great Lakes Health Plan
            Provider Claims Resolution Unit
            PO Box 4410, Grand Rapids, MI 49501

            Date: October 2, 2026

            Lakeshore Regional Medical Center
            Attn: Patient Financial Services
            900 Harbor Drive, Muskegon, MI 49440

            RE: Notice of claim denial
            Member ID: GLH448201937
            Patient Account Number: LRM-5521907
            Claim Number: 2026270118834
            Rendering NPI: 1245319599
            Dates of Service: 08/11/2026 - 08/13/2026
            Total Billed: $18,420.00
            Amount Paid: $0.00

            Dear Provider,

            We have completed our review of the claim referenced above. The claim has been denied. Payment for the inpatient
            stay is denied because the admission was not authorized before the services were rendered.
            Adjustment reason: CO-197 Precertification/authorization/notification/pre-treatment absent.
            Remark code: N54.

            If you disagree with this decision you have the right to appeal. Your written appeal must be received within
            180 days of the date of this notice. Please include a copy of this letter, the itemized bill and any medical
            records that support your request, and send them to the Appeals Department at the address above.

            Sincerely,
            Claims Resolution Unit
            Great Lakes Health Plan
            """;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    IntakeDocumentsUseCase intake;
    @Inject
    health.ordo.application.port.in.intake.MonitorIntakeModelsUseCase rounds;
    @Inject
    health.ordo.application.port.out.intake.IntakeModelPort registry;
    @Inject
    health.ordo.application.port.out.transaction.TransactionPort transactions;

    private ApiClient api;
    private String tenant;
    private String admin;
    private String secondAdmin;

    @BeforeEach
    void tenant() {
        tenant = "in-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Intake", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ida@" + tenant), "Ida", "password-of-ida1", Set.of(Role.TENANT_ADMIN, Role.WORKER)),
                new ProvisionTenantUseCase.NewUser(Login.parse("carl@" + tenant), "Carl", "password-of-carl", Set.of(Role.TENANT_ADMIN))));
        api = new ApiClient(server.getURI(), json);
        admin = api.login("ida@" + tenant, "password-of-ida1");
        secondAdmin = api.login("carl@" + tenant, "password-of-carl");
    }

    @Test
    void aPdfDenialLetter_becomesAScoredClaimDenial_withItsDeadlineConfidenceAndFields() throws IOException {
        ApiClient.Response uploaded = api.postFile("/api/v1/intake/documents", admin, "file", "scan-0042.pdf", pdf(DENIAL_LETTER),
                "application/pdf");

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.string("mediaType")).isEqualTo("application/pdf");
        assertThat(uploaded.string("textSource")).isEqualTo("TEXT_LAYER");
        assertThat(uploaded.string("status")).as(uploaded.raw().body()).isEqualTo("WORK_CREATED");
        Map<String, Object> classification = (Map<String, Object>) uploaded.body().get("classification");
        assertThat(classification.get("type")).isEqualTo("DENIAL_LETTER");
        assertThat(((Number) classification.get("confidence")).doubleValue()).isGreaterThanOrEqualTo(0.8);
        assertThat(classification.get("degraded")).isEqualTo(false);
        Map<String, Object> fields = fieldValues(uploaded.list("fields"));
        assertThat(fields).containsEntry("claimNumber", "2026270118834").containsEntry("npi", "1245319599")
                .containsEntry("carcCodes", "197").containsEntry("appealDeadline", LocalDate.of(2026, 10, 2).plusDays(180).toString())
                .containsEntry("billedAmount", "18420.00");

        ApiClient.Response item = api.get("/api/v1/work-items/" + uploaded.string("workItemId"), admin);
        assertThat(item.string("type")).isEqualTo("CLAIM_DENIAL");
        assertThat(item.string("hardDeadlineAt")).startsWith(LocalDate.of(2026, 10, 2).plusDays(181).toString());
        assertThat(((Number) item.body().get("priorityScore")).doubleValue()).isGreaterThan(0);
        Map<String, Object> attributes = (Map<String, Object>) item.body().get("attributes");
        assertThat(attributes).containsEntry("documentType", "DENIAL_LETTER").containsEntry("carc", "197")
                .containsKey("classificationConfidence").containsEntry("documentId", uploaded.string("id"));
    }

    @Test
    void theSameBytesAgain_createNothing() throws IOException {
        byte[] letter = pdf(DENIAL_LETTER);
        ApiClient.Response first = api.postFile("/api/v1/intake/documents", admin, "file", "a.pdf", letter, "application/pdf");
        ApiClient.Response again = api.postBytes("/api/v1/intake/documents?fileName=b.pdf", admin, letter, "application/octet-stream");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).containsEntry("duplicate", true).containsEntry("id", first.string("id"))
                .containsEntry("workItemId", first.string("workItemId"));
        assertThat(api.get("/api/v1/intake/documents", admin).list("items")).hasSize(1);
    }

    @Test
    void anUnclearDocument_goesToReview_andItsCorrectionCreatesTheWorkAndALabel() {
        String unclear = "Please see attached. Call me about this one when you get a chance, the numbers do not match what we discussed.\n"
                + "Thanks, Pat (front desk)\nRef 2291-A";
        ApiClient.Response uploaded = api.postBytes("/api/v1/intake/documents", admin, unclear.getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.string("status")).as(uploaded.raw().body()).isEqualTo("IN_REVIEW");
        assertThat(uploaded.string("reviewReason")).contains("below the threshold");
        ApiClient.Response reviewItem = api.get("/api/v1/work-items/" + uploaded.string("reviewItemId"), admin);
        assertThat(reviewItem.string("type")).isEqualTo("DOCUMENT_REVIEW");
        assertThat(reviewItem.string("queue")).isEqualTo("document-review");

        ApiClient.Response badType = api.post("/api/v1/intake/documents/" + uploaded.string("id") + ":review", admin, Map.of("type", "LETTER"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.list("errors")).extracting(e -> e.get("field")).containsExactly("type");
        ApiClient.Response badNpi = api.post("/api/v1/intake/documents/" + uploaded.string("id") + ":review", admin,
                Map.of("type", "SUPPLIER_INVOICE", "fields", Map.of("npi", "1245319598")));
        assertThat(badNpi.list("errors")).extracting(e -> e.get("field")).containsExactly("fields.npi");

        ApiClient.Response reviewed = api.post("/api/v1/intake/documents/" + uploaded.string("id") + ":review", admin,
                Map.of("type", "SUPPLIER_INVOICE", "fields", Map.of("supplier", "Pat's Medical Supply", "invoiceNumber", "2291-A",
                        "billedAmount", "1,250.00")));

        assertThat(reviewed.status()).as(reviewed.raw().body()).isEqualTo(200);
        assertThat(reviewed.string("status")).isEqualTo("REVIEWED");
        assertThat(reviewed.string("type")).isEqualTo("SUPPLIER_INVOICE");
        ApiClient.Response work = api.get("/api/v1/work-items/" + reviewed.string("workItemId"), admin);
        assertThat(work.string("type")).isEqualTo("INVOICE_HOLD");
        assertThat(((Map<String, Object>) work.body().get("amount")).get("value").toString()).isEqualTo("1250.00");
        assertThat(api.get("/api/v1/work-items/" + uploaded.string("reviewItemId"), admin).string("status")).isEqualTo("COMPLETED");
        ApiClient.Response candidate = api.post("/api/v1/intake/models", admin, Map.of());
        assertThat(candidate.status()).isEqualTo(201);
        assertThat(((Number) candidate.body().get("labels")).intValue()).isEqualTo(1);
    }

    @Test
    void aScanWithoutText_goesToReviewMarkedNoText() throws IOException {
        ApiClient.Response uploaded = api.postFile("/api/v1/intake/documents", admin, "file", "fax.pdf", scanWithoutText(), "application/pdf");

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.string("status")).isEqualTo("IN_REVIEW");
        assertThat(uploaded.string("reviewReason")).startsWith("no text");
        assertThat(api.get("/api/v1/work-items/" + uploaded.string("reviewItemId"), admin).string("type")).isEqualTo("DOCUMENT_REVIEW");
    }

    @Test
    void anEmailWithAPdfAttachment_isReadWithItsAttachment() throws IOException {
        String attachment = Base64.getMimeEncoder().encodeToString(pdf(DENIAL_LETTER));
        String eml = "From: Claims Desk <claims@greatlakes.example>\r\nTo: pfs@lakeshore.example\r\nSubject: Claim correspondence\r\n"
                + "Date: Fri, 2 Oct 2026 10:00:00 -0400\r\nMessage-ID: <abc123@greatlakes.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Please find the attached notice regarding your claim.\r\n--b1\r\nContent-Type: application/pdf; name=\"notice.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"notice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + attachment
                + "\r\n--b1--\r\n";
        ApiClient.Response uploaded = api.postBytes("/api/v1/intake/documents", admin, eml.getBytes(StandardCharsets.US_ASCII), "message/rfc822");

        assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
        assertThat(uploaded.string("mediaType")).isEqualTo("message/rfc822");
        assertThat(uploaded.string("textSource")).isEqualTo("EMAIL");
        assertThat(api.get("/api/v1/intake/documents/" + uploaded.string("id"), admin).string("text"))
                .contains("Subject: Claim correspondence", "--- attachment notice.pdf ---", "Claim Number: 2026270118834");
        assertThat(((Map<String, Object>) uploaded.body().get("classification")).get("type")).isEqualTo("DENIAL_LETTER");
    }

    @Test
    void aScanFolder_turnsEachSettledFileIntoADocument_andSetsAsideWhatIsNotOne(@TempDir Path scans) throws IOException {
        Instant past = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(Files.write(scans.resolve("fax-0001.pdf"), pdf(DENIAL_LETTER)), FileTime.from(past));
        Files.setLastModifiedTime(Files.write(scans.resolve("archive.zip"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0}),
                FileTime.from(past));

        WatchedFolder.RunResult result = IntakeFolderWatcher.folder(scans, TenantId.of(tenant), "fax", Duration.ofSeconds(2), intake, json,
                Clock.systemUTC()).run();

        assertThat(result.processed()).containsExactly("fax-0001.pdf");
        assertThat(result.failed()).containsExactly("archive.zip");
        List<Map<String, Object>> documents = api.get("/api/v1/intake/documents", admin).list("items");
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("channel", "folder:fax").containsEntry("fileName", "fax-0001.pdf").containsEntry("status", "WORK_CREATED");
            assertThat(d.get("receivedBy")).isEqualTo("intake-folder");
        });
        try (var processed = Files.list(scans.resolve("processed")); var failed = Files.list(scans.resolve("failed"))) {
            List<String> reports = processed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".report.json")).toList();
            assertThat(reports).hasSize(1);
            assertThat(Files.readString(scans.resolve("processed").resolve(reports.get(0))))
                    .contains("\"status\":\"WORK_CREATED\"").contains("\"type\":\"DENIAL_LETTER\"");
            assertThat(failed.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.endsWith("archive.zip.error.txt"));
        }
    }

    @Test
    void whatIsNotADocument_isRefusedWithAProblem() {
        ApiClient.Response zip = api.postBytes("/api/v1/intake/documents", admin, new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0}, "application/octet-stream");
        ApiClient.Response empty = api.postFile("/api/v1/intake/documents", admin, "file", "empty.pdf", new byte[0], "application/pdf");
        ApiClient.Response noPart = api.postFile("/api/v1/intake/documents", admin, "document", "x.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(zip.status()).isEqualTo(415);
        assertThat(zip.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(zip.list("errors")).extracting(e -> e.get("field")).containsExactly("file");
        assertThat(empty.status()).isIn(400, 415);
        assertThat(noPart.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/intake/documents", admin).list("items")).isEmpty();
    }

    @Test
    void withTheModelSwitchedOff_intakeKeepsWorkingDegraded_andReclassifiesWhenTheModelIsBack() throws IOException {
        assertThat(api.put("/api/v1/intake/settings", admin, Map.of("modelEnabled", false)).status()).isEqualTo(200);

        ApiClient.Response degraded = api.postFile("/api/v1/intake/documents", admin, "file", "letter.pdf", pdf(DENIAL_LETTER), "application/pdf");

        assertThat(degraded.status()).isEqualTo(201);
        assertThat(degraded.string("status")).isEqualTo("IN_REVIEW");
        assertThat(degraded.string("reviewReason")).contains("degraded");
        Map<String, Object> classification = (Map<String, Object>) degraded.body().get("classification");
        assertThat(classification).containsEntry("degraded", true).containsEntry("model", "keywords");
        ApiClient.Response review = api.get("/api/v1/work-items/" + degraded.string("reviewItemId"), admin);
        assertThat(((Map<String, Object>) review.body().get("attributes"))).containsEntry("degraded", true);

        assertThat(api.put("/api/v1/intake/settings", admin, Map.of("modelEnabled", true)).status()).isEqualTo(200);

        ApiClient.Response after = api.get("/api/v1/intake/documents/" + degraded.string("id"), admin);
        assertThat(after.string("status")).isEqualTo("WORK_CREATED");
        assertThat(((Map<String, Object>) after.body().get("classification"))).containsEntry("degraded", false);
        assertThat(api.get("/api/v1/work-items/" + after.string("workItemId"), admin).string("type")).isEqualTo("CLAIM_DENIAL");
    }

    @Test
    void aCandidateClassifier_goesLiveOnlyAfterASecondPersonApproves_andRollsBackInOneCall() {
        ApiClient.Response registry = api.get("/api/v1/intake/models", admin);
        assertThat(registry.list("items")).extracting(m -> m.get("version") + " " + m.get("status")).containsExactly("0 ACTIVE");

        ApiClient.Response candidate = api.post("/api/v1/intake/models", admin, Map.of());
        assertThat(candidate.status()).isEqualTo(201);
        assertThat(candidate.string("status")).isEqualTo("CANDIDATE");
        assertThat(((Number) ((Map<String, Object>) candidate.body().get("evaluation")).get("macroF1")).doubleValue()).isGreaterThan(0.8);

        ApiClient.Response held = api.post("/api/v1/intake/models/1:activate", admin, Map.of());
        assertThat(held.status()).isEqualTo(202);
        assertThat(held.string("summary")).contains("v1", "macro-F1", "in place of v0");
        assertThat(api.get("/api/v1/intake/models/1", admin).string("status")).isEqualTo("CANDIDATE");
        assertThat(api.post("/api/v1/approvals/" + held.string("id") + ":approve", admin, Map.of()).status()).isEqualTo(403);

        ApiClient.Response approved = api.post("/api/v1/approvals/" + held.string("id") + ":approve", secondAdmin, Map.of("note", "figures checked"));
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v1/intake/models/1", admin).body()).containsEntry("status", "ACTIVE").containsEntry("activatedBy", "carl@" + tenant);
        assertThat(api.get("/api/v1/intake/models/0", admin).string("status")).isEqualTo("RETIRED");

        ApiClient.Response rolledBack = api.post("/api/v1/intake/models:rollback", admin, Map.of());
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.body()).containsEntry("version", 0).containsEntry("status", "ACTIVE");
        assertThat(api.get("/api/v1/intake/models/1", admin).string("status")).isEqualTo("RETIRED");
    }

    @Test
    void enoughNewReviewedLabels_makeTheRoundTrainACandidate_whoseActivationWaitsForAPerson_andTheNextRoundWaitsForMore() {
        TenantId id = TenantId.of(tenant);
        String[] suppliers = {"Medline Industries", "Cardinal Health", "Owens & Minor", "Henry Schein", "McKesson"};
        for (int i = 0; i < 25; i++) {
            String text = "INVOICE " + (88100 + i) + "\nFrom: " + suppliers[i % 5] + "\nPO number PO-" + (4400 + i)
                    + "\nAmount due $" + (120 + 37 * i) + ".00 net 30. Remit to the address above.";
            boolean corrected = i % 3 == 0;
            transactions.inTransaction(id, () -> {
                registry.saveLabel(id, UUID.randomUUID(), health.ordo.domain.intake.DocumentType.SUPPLIER_INVOICE, corrected, text,
                        "ida@" + tenant, java.time.Instant.now());
                return null;
            });
        }
        assertThat(transactions.inTransaction(id, () -> registry.leaseRetraining(id, java.time.Instant.now(),
                java.time.Instant.now().plusSeconds(60)))).as("a node holds the tenant").isTrue();
        rounds.retrainWhereLabelled();
        assertThat(api.get("/api/v1/intake/models", admin).list("items")).as("the held tenant is left to that node").hasSize(1);
        transactions.inTransaction(id, () -> {
            registry.releaseRetraining(id);
            return null;
        });

        assertThat(rounds.retrainWhereLabelled()).isGreaterThanOrEqualTo(1);

        ApiClient.Response candidate = api.get("/api/v1/intake/models/1", admin);
        assertThat(candidate.body()).containsEntry("status", "CANDIDATE").containsEntry("trainedBy", "system:intake-retraining")
                .containsEntry("labels", 25);
        List<Map<String, Object>> pending = api.get("/api/v1/approvals?status=PENDING", secondAdmin).list("items");
        assertThat(pending).filteredOn(r -> "INTAKE_MODEL_ACTIVATION".equals(r.get("kind"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("requestedBy", "system:intake-retraining"))
                .satisfies(r -> assertThat(r.get("summary").toString()).contains("v1", "macro-F1", "in place of v0"));
        rounds.retrainWhereLabelled();
        assertThat(api.get("/api/v1/intake/models", admin).list("items")).as("no new labels: nothing trained again").hasSize(2);
    }

    private static Map<String, Object> fieldValues(List<Map<String, Object>> fields) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        fields.forEach(f -> values.put(f.get("field").toString(), f.get("value")));
        return values;
    }

    /** A one-page PDF with the text as its text layer, as a portal download or a digital fax is. */
    static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                content.setLeading(11);
                content.newLineAtOffset(50, 750);
                for (String line : text.split("\n")) {
                    content.showText(line.strip());
                    content.newLine();
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A page with only shapes on it, as a scanned fax without a text layer looks to a PDF reader. */
    private static byte[] scanWithoutText() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(72, 600, 300, 40);
                content.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
