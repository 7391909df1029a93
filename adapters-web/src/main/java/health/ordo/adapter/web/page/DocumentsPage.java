package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.in.intake.DocumentNotFoundException;
import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.ExtractedField;
import health.ordo.domain.intake.IntakeDocument;
import health.ordo.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A document from intake, for the person who reviews it: what the classifier said and how sure it was, the fields it
 * found with their evidence, the summary and the text, the original file, and the review form (confirm or correct the
 * type and the fields) that goes through the same use case as {@code POST /api/v1/intake/documents/{id}:review}. A
 * correction becomes a training label. Opening the page is recorded in the audit log: the text is the patient's.
 */
@Controller("/ui/documents")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocumentsPage {

    /** The text shown at most; the whole file is one click away. */
    static final int TEXT_SHOWN = 6_000;

    /** A document type the reviewer may choose. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** A field: its key, the value found (or entered), how sure, whether it passed its check, where it was found. */
    public record FieldRow(String key, String value, String confidence, boolean valid, String evidence, String problem) {
    }

    /** The page. */
    public record View(String id, String fileName, String mediaType, String receivedAt, String channel, String status, String reviewReason,
                       String classified, String confidence, boolean degraded, List<String> alternatives, String summary, String summaryBy, String text,
                       boolean textCut, List<FieldRow> fields, List<FieldRow> otherFields, List<Choice> types, String workItem,
                       String reviewItem, boolean reviewable, String error, boolean reviewed) {
    }

    private final Pages pages;
    private final IntakeDocumentsUseCase intake;
    private final AuditUseCase audit;

    DocumentsPage(Pages pages, IntakeDocumentsUseCase intake, AuditUseCase audit) {
        this.pages = pages;
        this.intake = intake;
        this.audit = audit;
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return document(request, authentication, id).<HttpResponse<?>>map(d -> {
            audit(request, authentication, d, "read");
            return render(request, authentication, HttpStatus.OK, d, null, request.getParameters().contains("reviewed"), null);
        }).orElseGet(() -> notFound(request, authentication));
    }

    @Get(value = "/{id}/content", produces = MediaType.ALL)
    HttpResponse<?> content(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Optional<IntakeDocument> document = document(request, authentication, id);
        if (document.isEmpty()) {
            return notFound(request, authentication);
        }
        audit(request, authentication, document.get(), "download");
        IntakeDocumentsUseCase.Content content = intake.content(Caller.of(authentication).tenant(), document.get().id());
        String name = content.fileName() == null ? document.get().id() + "" : content.fileName().replaceAll("[^A-Za-z0-9._ -]", "_");
        return HttpResponse.ok(content.bytes()).contentType(content.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").header("X-Content-Type-Options", "nosniff");
    }

    @Post(value = "/{id}/review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> review(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                           @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Optional<IntakeDocument> document = document(request, authentication, id);
        if (document.isEmpty()) {
            return notFound(request, authentication);
        }
        Optional<DocumentType> type = DocumentType.parse(form.getOrDefault("type", ""));
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("field.") && value != null && !value.isBlank()) {
                fields.put(name.substring("field.".length()), value.strip());
            }
        });
        if (type.isEmpty()) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, document.get(), fields, false, "type: choose the document's type");
        }
        Caller caller = Caller.of(authentication);
        try {
            intake.review(caller.tenant(), document.get().id(), type.get(), fields, caller.actor());
        } catch (InvalidValueException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, document.get(), fields, false, e.field() + ": " + e.getMessage());
        }
        return Pages.seeOther("/ui/documents/" + document.get().id() + "?reviewed");
    }

    private Optional<IntakeDocument> document(HttpRequest<?> request, Authentication authentication, String id) {
        try {
            return Optional.of(intake.get(Caller.of(authentication).tenant(), UUID.fromString(id)));
        } catch (IllegalArgumentException | DocumentNotFoundException e) {
            return Optional.empty();
        }
    }

    private void audit(HttpRequest<?> request, Authentication authentication, IntakeDocument document, String action) {
        audit.record(Caller.of(authentication).tenant(), authentication.getName(), action, "intake-document", document.id().toString(),
                Map.of("page", request.getPath()), request.getHeaders().get("X-Request-Id"), null);
    }

    private HttpResponse<?> notFound(HttpRequest<?> request, Authentication authentication) {
        Layout layout = pages.layout(request, authentication, "@error.notFound.title", "workbench");
        return pages.page(request, authentication, HttpStatus.NOT_FOUND, "error", layout,
                new PageErrors.ErrorView(layout.t().get("error.notFound.title"), layout.t().get("error.notFound")));
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, IntakeDocument d,
                                   Map<String, String> entered, boolean reviewed, String error) {
        Layout layout = pages.layout(request, authentication, "@document.title", "workbench");
        DocumentType current = d.type();
        List<Choice> types = Arrays.stream(DocumentType.values()).map(t -> new Choice(t.name(), t.label(), t == current)).toList();
        List<FieldRow> fields = new ArrayList<>();
        for (ExtractedField f : d.fields()) {
            String value = entered != null && entered.containsKey(f.field().key()) ? entered.get(f.field().key()) : f.value();
            fields.add(new FieldRow(f.field().key(), value, String.format(Locale.ROOT, "%.0f %%", f.confidence() * 100), f.valid(),
                    f.evidence() == null ? "" : f.evidence(), f.problem()));
        }
        List<DocumentType.Field> expected = current == null ? List.of() : current.fields();
        for (DocumentType.Field field : expected) {
            if (fields.stream().noneMatch(r -> r.key().equals(field.key()))) {
                fields.add(new FieldRow(field.key(), entered == null ? "" : entered.getOrDefault(field.key(), ""), "", true, "", null));
            }
        }
        List<FieldRow> others = Arrays.stream(DocumentType.Field.values()).filter(f -> fields.stream().noneMatch(r -> r.key().equals(f.key())))
                .map(f -> new FieldRow(f.key(), entered == null ? "" : entered.getOrDefault(f.key(), ""), "", true, "", null)).toList();
        String text = d.text() == null ? "" : d.text();
        List<String> alternatives = d.classification() == null ? List.of() : d.classification().probabilities().entrySet().stream()
                .filter(e -> e.getKey() != d.classification().type()).sorted(Map.Entry.<DocumentType, Double>comparingByValue().reversed()).limit(2)
                .map(e -> e.getKey().label() + " " + String.format(Locale.ROOT, "%.0f %%", e.getValue() * 100)).toList();
        View view = new View(d.id().toString(), d.fileName() == null ? d.mediaType() : d.fileName(), d.mediaType(), layout.time(d.receivedAt()), d.channel(),
                d.status().name(), d.reviewReason(),
                d.classification() == null ? null : d.classification().type().label(),
                d.classification() == null ? null : String.format(Locale.ROOT, "%.0f %%", d.classification().confidence() * 100),
                d.classification() != null && d.classification().degraded(), alternatives, d.summary(), d.summaryBy(),
                text.length() > TEXT_SHOWN ? text.substring(0, TEXT_SHOWN) : text, text.length() > TEXT_SHOWN, fields, others, types,
                d.workItem() == null ? null : d.workItem().value().toString(), d.reviewItem() == null ? null : d.reviewItem().value().toString(),
                d.status() != IntakeDocument.Status.RECEIVED, error, reviewed);
        return pages.page(request, authentication, status, "document", layout, view);
    }
}
