package health.ordo.adapter.web.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.domain.intake.Classification;
import health.ordo.domain.intake.ExtractedField;
import health.ordo.domain.intake.IntakeDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A document as the API shows it; the text only when one document is asked for. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "IntakeDocument")
record DocumentDto(String id, @Nullable String fileName, String mediaType, long size, String channel, String receivedBy, Instant receivedAt,
                   @Schema(allowableValues = {"RECEIVED", "WORK_CREATED", "FILED", "IN_REVIEW", "REVIEWED", "FAILED"}) String status,
                   @Nullable @Schema(description = "the type it is taken for: the reviewer's, else the classifier's") String type,
                   @Nullable ClassificationDto classification, @Nullable String reviewedType, List<FieldDto> fields, @Nullable String summary,
                   @Nullable @Schema(description = "the deployment's language model that wrote the summary; null: written by Ordo locally")
                   String summaryBy,
                   @Nullable String textSource, int pages, @Nullable String workItemId, @Nullable String reviewItemId,
                   @Nullable String reviewReason, @Nullable String failure, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
                   @Nullable Boolean duplicate, @Nullable String text) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "IntakeClassification")
    record ClassificationDto(String type, double confidence, String model, boolean degraded, Map<String, Double> probabilities) {

        static ClassificationDto of(Classification c) {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            c.probabilities().entrySet().stream().sorted(Map.Entry.<health.ordo.domain.intake.DocumentType, Double>comparingByValue().reversed())
                    .forEach(e -> probabilities.put(e.getKey().name(), round(e.getValue())));
            return new ClassificationDto(c.type().name(), round(c.confidence()), c.model(), c.degraded(), probabilities);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "IntakeField")
    record FieldDto(String field, String value, double confidence, boolean valid, String evidence, @Nullable String problem) {

        static FieldDto of(ExtractedField f) {
            return new FieldDto(f.field().key(), f.value(), round(f.confidence()), f.valid(), f.evidence(), f.problem());
        }
    }

    static DocumentDto of(IntakeDocument d, Boolean duplicate, boolean withText) {
        return new DocumentDto(d.id().toString(), d.fileName(), d.mediaType(), d.size(), d.channel(), d.receivedBy(), d.receivedAt(),
                d.status().name(), d.type() == null ? null : d.type().name(),
                d.classification() == null ? null : ClassificationDto.of(d.classification()),
                d.reviewedType() == null ? null : d.reviewedType().name(), d.fields().stream().map(FieldDto::of).toList(), d.summary(), d.summaryBy(),
                d.textSource() == null ? null : d.textSource().name(), d.pages(), d.workItem() == null ? null : d.workItem().value().toString(),
                d.reviewItem() == null ? null : d.reviewItem().value().toString(), d.reviewReason(), d.failure(), d.reviewedBy(), d.reviewedAt(),
                duplicate, withText ? d.text() : null);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
