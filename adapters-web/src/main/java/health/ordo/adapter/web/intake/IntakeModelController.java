package health.ordo.adapter.web.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.IntakeModel;
import health.ordo.domain.intake.IntakeSettings;
import health.ordo.domain.intake.ModelEvaluation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's document-classifier registry (versions with their held-out figures), training a candidate, activation held
 * for a second person, rollback; intake settings (thresholds, model on or off) and monitoring (acceptance, drift).
 */
@Controller("/api/v1/intake")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Intake")
class IntakeModelController {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "IntakeModelEvaluation")
    record EvaluationDto(int documents, double accuracy, double macroF1, double expectedCalibrationError, Map<String, TypeDto> perType,
                         Map<String, Map<String, Integer>> confusion, List<BinDto> calibration) {

        static EvaluationDto of(ModelEvaluation e) {
            Map<String, TypeDto> perType = new LinkedHashMap<>();
            e.perType().forEach((t, s) -> perType.put(t.name(), new TypeDto(s.support(), r(s.precision()), r(s.recall()), r(s.f1()))));
            Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
            e.confusion().forEach((truth, row) -> {
                Map<String, Integer> out = new LinkedHashMap<>();
                row.forEach((p, n) -> {
                    if (n > 0) {
                        out.put(p.name(), n);
                    }
                });
                confusion.put(truth.name(), out);
            });
            List<BinDto> bins = new ArrayList<>();
            e.calibration().forEach(b -> bins.add(new BinDto(r(b.from()), r(b.to()), b.count(), r(b.meanConfidence()), r(b.accuracy()))));
            return new EvaluationDto(e.documents(), r(e.accuracy()), r(e.macroF1()), r(e.expectedCalibrationError()), perType, confusion, bins);
        }
    }

    @Serdeable
    record TypeDto(int support, double precision, double recall, double f1) {
    }

    @Serdeable
    record BinDto(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "IntakeModel")
    record ModelDto(int version, String name, @Schema(allowableValues = {"CANDIDATE", "ACTIVE", "RETIRED"}) String status,
                    String trainingSnapshot, int trainingDocuments, int labels, String trainedBy, @Nullable Instant trainedAt,
                    @Nullable String activatedBy, @Nullable Instant activatedAt, @Nullable EvaluationDto evaluation) {

        static ModelDto of(IntakeModel m, boolean full) {
            return new ModelDto(m.version(), m.name(), m.status().name(), m.trainingSnapshot(), m.trainingDocuments(), m.labels(), m.trainedBy(),
                    m.trainedAt(), m.activatedBy(), m.activatedAt(), full ? EvaluationDto.of(m.evaluation()) : summary(m.evaluation()));
        }

        private static EvaluationDto summary(ModelEvaluation e) {
            return new EvaluationDto(e.documents(), r(e.accuracy()), r(e.macroF1()), r(e.expectedCalibrationError()), Map.of(), Map.of(), List.of());
        }
    }

    @Serdeable
    record ModelList(List<ModelDto> items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "IntakeSettings")
    record SettingsDto(@Nullable Double defaultThreshold, @Nullable Map<String, Double> thresholds, @Nullable Boolean modelEnabled) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "IntakeMonitoring")
    record MonitoringDto(@Nullable Double acceptanceRate, long automatic, long corrected, Map<String, Long> typeMixThisWeek,
                         Map<String, Long> typeMixLastWeek, Map<String, Long> confidenceThisWeek, Map<String, Long> confidenceLastWeek,
                         double typeMixPsi, double confidencePsi, double driftThreshold, boolean drifted) {
    }

    private final IntakeModelsUseCase models;

    IntakeModelController(IntakeModelsUseCase models) {
        this.models = models;
    }

    @Get("/models")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "The classifier registry, newest first: v0 is the bundled model trained from the corpus Ordo ships")
    ModelList list(Authentication authentication) {
        return new ModelList(models.models(Caller.of(authentication).tenant()).stream().map(m -> ModelDto.of(m, false)).toList());
    }

    @Get("/models/{version}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "One version with its held-out figures: per-type precision, recall, F1, the confusion matrix and calibration")
    ModelDto get(Authentication authentication, @PathVariable int version) {
        return ModelDto.of(models.model(Caller.of(authentication).tenant(), version), true);
    }

    @Post("/models")
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Train a candidate from the shipped corpus and the tenant's review labels, measured on the held-out split")
    HttpResponse<ModelDto> train(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        IntakeModel candidate = models.train(caller.tenant(), caller.actor());
        return HttpResponse.created(ModelDto.of(candidate, true), URI.create("/api/v1/intake/models/" + candidate.version()));
    }

    @Post("/models/{version}:activate")
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Ask for the version's activation: always 202 with an approval request a second person decides",
            description = "The request's summary compares the candidate with the active model on the same held-out set.")
    ModelDto activate(Authentication authentication, @PathVariable int version) {
        Caller caller = Caller.of(authentication);
        return ModelDto.of(models.activate(caller.tenant(), version, caller.actor()), true);
    }

    @Post("/models:rollback")
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Back to the version that was active before the current one, at once")
    ModelDto rollback(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ModelDto.of(models.rollback(caller.tenant(), caller.actor()), true);
    }

    @Get("/settings")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Confidence thresholds (default and per type) and whether the model classifies (off: degraded mode)")
    SettingsDto settings(Authentication authentication) {
        return dto(models.settings(Caller.of(authentication).tenant()));
    }

    @Put(value = "/settings", consumes = MediaType.APPLICATION_JSON)
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Change thresholds or switch the model off or on; fields left out stay as they are")
    SettingsDto updateSettings(Authentication authentication, @Body SettingsDto body) {
        Caller caller = Caller.of(authentication);
        IntakeSettings current = models.settings(caller.tenant());
        Map<DocumentType, Double> thresholds = new EnumMap<>(DocumentType.class);
        thresholds.putAll(current.thresholds());
        if (body.thresholds() != null) {
            thresholds.clear();
            body.thresholds().forEach((name, value) -> thresholds.put(DocumentType.parse(name).orElseThrow(() -> new InvalidRequestException(
                    "thresholds." + name, "unknown document type " + name)), value));
        }
        IntakeSettings next = new IntakeSettings(body.defaultThreshold() == null ? current.defaultThreshold() : body.defaultThreshold(),
                thresholds, body.modelEnabled() == null ? current.modelEnabled() : body.modelEnabled());
        return dto(models.updateSettings(caller.tenant(), next, caller.actor()));
    }

    @Get("/monitoring")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "This week against last: acceptance of automatic decisions, type mix and confidence with their population stability")
    MonitoringDto monitoring(Authentication authentication) {
        return dto(models.monitoring(Caller.of(authentication).tenant()));
    }

    @Post("/monitoring:check")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Monitoring now, and when drift passed the threshold an OPERATIONS_ALERT work item for the week (once a week)")
    MonitoringDto check(Authentication authentication) {
        return dto(models.checkDrift(Caller.of(authentication).tenant()));
    }

    private static MonitoringDto dto(IntakeModelsUseCase.Monitoring m) {
        return new MonitoringDto(m.acceptanceRate() == null ? null : r(m.acceptanceRate()), m.automatic(), m.corrected(), m.typeMixThisWeek(),
                m.typeMixLastWeek(), m.confidenceThisWeek(), m.confidenceLastWeek(), r(m.typeMixPsi()), r(m.confidencePsi()), m.driftThreshold(),
                m.drifted());
    }

    private static SettingsDto dto(IntakeSettings s) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        s.thresholds().forEach((t, v) -> thresholds.put(t.name(), v));
        return new SettingsDto(s.defaultThreshold(), thresholds, s.modelEnabled());
    }

    private static double r(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
