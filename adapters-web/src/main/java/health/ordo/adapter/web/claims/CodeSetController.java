package health.ordo.adapter.web.claims;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.claims.CodeNotFoundException;
import health.ordo.application.port.in.claims.ManageCodeSetsUseCase;
import health.ordo.application.port.in.claims.ManageCodeSetsUseCase.CarcEntry;
import health.ordo.application.port.in.claims.ManageCodeSetsUseCase.CodeSetView;
import health.ordo.application.port.in.claims.ManageCodeSetsUseCase.RarcEntry;
import health.ordo.domain.claims.CarcCode;
import health.ordo.domain.claims.RarcCode;
import health.ordo.domain.workitem.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /api/v1/code-sets}: which CARC/RARC lists a tenant's remittances are judged with, each code as the set in force
 * has it, and loading a newer published list for the tenant (TENANT_ADMIN) or the whole deployment (PLATFORM_ADMIN).
 */
@Controller("/api/v1/code-sets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Code sets")
@SerdeImport(CodeSetView.class)
class CodeSetController {

    @Serdeable
    record CodeSets(CodeSetView inForce, List<CodeSetView> versions) {
    }

    @Serdeable
    @Schema(name = "CarcCode")
    record CarcDto(String code, String description, String category, boolean routine, String status, @Nullable LocalDate start,
                   @Nullable LocalDate stop) {

        static CarcDto of(CarcCode c) {
            return new CarcDto(c.code(), c.description(), c.category().name(), c.category().routine(), c.active() ? "current" : "deactivated",
                    c.start(), c.stop());
        }
    }

    @Serdeable
    @Schema(name = "RarcCode")
    record RarcDto(String code, String description, String kind, String status, @Nullable LocalDate start, @Nullable LocalDate stop) {

        static RarcDto of(RarcCode c) {
            return new RarcDto(c.code(), c.description(), c.alert() ? "ALERT" : "REMARK", c.active() ? "current" : "deactivated", c.start(), c.stop());
        }
    }

    @Serdeable
    record CarcEntryDto(@Schema(example = "300") @Nullable String code, @Schema(example = "current") @Nullable String status,
                        @Nullable LocalDate start, @Nullable LocalDate stop,
                        @Schema(example = "NON_COVERED", description = "Ordo's category; may be left out for a code the set in force holds")
                        @Nullable String category, @Nullable String description) {
    }

    @Serdeable
    record RarcEntryDto(@Schema(example = "N900") @Nullable String code, @Nullable String status, @Nullable LocalDate start,
                        @Nullable LocalDate stop, @Schema(example = "REMARK") @Nullable String kind, @Nullable String description) {
    }

    @Serdeable
    record UploadDto(@Schema(example = "x12-2026-11-01") @Nullable String version, @Nullable List<CarcEntryDto> carc,
                     @Nullable List<RarcEntryDto> rarc) {

        ManageCodeSetsUseCase.Upload toUpload() {
            return new ManageCodeSetsUseCase.Upload(version,
                    carc == null ? null : carc.stream().map(e -> e == null ? null
                            : new CarcEntry(e.code(), e.status(), e.start(), e.stop(), e.category(), e.description())).toList(),
                    rarc == null ? null : rarc.stream().map(e -> e == null ? null
                            : new RarcEntry(e.code(), e.status(), e.start(), e.stop(), e.kind(), e.description())).toList());
        }
    }

    private final ManageCodeSetsUseCase codeSets;

    CodeSetController(ManageCodeSetsUseCase codeSets) {
        this.codeSets = codeSets;
    }

    @Get
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "The code set in force for the tenant, and every version it can see (its own, the deployment's, the built-in)")
    CodeSets list(Authentication authentication) {
        List<CodeSetView> versions = codeSets.versions(Caller.of(authentication).tenant());
        return new CodeSets(versions.get(0), versions);
    }

    @Get("/carc/{code}")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "A Claim Adjustment Reason Code as the set in force has it: description, category, status, start and stop")
    CarcDto carc(Authentication authentication, @PathVariable String code) {
        return codeSets.carc(Caller.of(authentication).tenant(), code).map(CarcDto::of).orElseThrow(() -> new CodeNotFoundException("carc", code));
    }

    @Get("/rarc/{code}")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "A Remittance Advice Remark Code as the set in force has it")
    RarcDto rarc(Authentication authentication, @PathVariable String code) {
        return codeSets.rarc(Caller.of(authentication).tenant(), code).map(RarcDto::of).orElseThrow(() -> new CodeNotFoundException("rarc", code));
    }

    @Post
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Load a newer CARC/RARC list for the tenant (new and changed codes; the others are kept)",
            description = "The version is new and never changes once loaded (409 otherwise). A CARC new to the set in force needs its "
                    + "category (CONTRACTUAL, PATIENT_RESPONSIBILITY, INFORMATIONAL, or a denial category); a known code keeps its "
                    + "category when none is given. A refused entry is 400 naming it, e.g. carc[3].category. In force for the "
                    + "tenant's next remittance.")
    HttpResponse<CodeSetView> load(Authentication authentication, @Nullable @Body UploadDto body) {
        Caller caller = Caller.of(authentication);
        CodeSetView loaded = codeSets.load(caller.tenant(), body == null ? null : body.toUpload(), caller.actor());
        return HttpResponse.created(loaded, URI.create("/api/v1/code-sets"));
    }

    @Post("/deployment")
    @Secured("PLATFORM_ADMIN")
    @Operation(summary = "Load a newer CARC/RARC list for every tenant of the deployment (PLATFORM_ADMIN)",
            description = "As for a tenant's list; a tenant's own newer list stays in force for that tenant.")
    HttpResponse<CodeSetView> publish(Authentication authentication, @Nullable @Body UploadDto body) {
        CodeSetView loaded = codeSets.load(null, body == null ? null : body.toUpload(), new Actor(authentication.getName(), false));
        return HttpResponse.created(loaded, URI.create("/api/v1/code-sets"));
    }
}
