package health.ordo.bootstrap.config;

import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.claims.CodeSetPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import ca.uhn.fhir.context.FhirContext;
import health.ordo.adapter.claims.fhir.FhirClaimsSource;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.application.service.claims.CodeSetService;
import health.ordo.application.service.writeback.SourceWriteBackTarget;
import health.ordo.spi.http.OutboundChannel;
import jakarta.inject.Named;
import health.ordo.application.service.claims.RemittanceIngestion;
import health.ordo.domain.claims.AppealDeadlineRule;
import health.ordo.spi.claims.RemittanceReader;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims context: the appeal rule from configuration ({@code ordo.claims.appeal-days},
 * {@code ordo.claims.appeal-days-by-payer.<payer>}), the code sets, and the one remittance ingestion every reader and
 * source feeds.
 */
@Factory
class ClaimsFactory {

    @Singleton
    AppealDeadlineRule appealDeadlineRule(@Property(name = "ordo.claims.appeal-days", defaultValue = "90") int defaultDays,
                                          @Nullable @Property(name = "ordo.claims.appeal-days-by-payer")
                                          @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, Integer> byPayer) {
        return new AppealDeadlineRule(defaultDays, byPayer);
    }

    /**
     * Writes a denial's resolution back to the claims system as a FHIR Task, for items from 835 files and ClaimResponses,
     * through the claims adapter's FHIR source; without {@code ordo.claims.write-back.fhir-base-url} the outcomes stay
     * queued (visible in the outbox) until one is set.
     */
    @Singleton
    @Named("claims-write-back")
    WriteBackTargetPort claimsWriteBack(@Nullable @Property(name = "ordo.claims.write-back.fhir-base-url") String baseUrl,
                                        @Nullable @Property(name = "ordo.claims.write-back.bearer-token") String bearerToken,
                                        FhirContext fhir, Clock clock, OutboundChannel http) {
        FhirClaimsSource source = baseUrl == null || baseUrl.isBlank() ? null
                : new FhirClaimsSource(URI.create(baseUrl), bearerToken, fhir, clock, http);
        return new SourceWriteBackTarget(Set.of("fhir-claimresponse", "x12-835"), source,
                "no FHIR endpoint configured (ordo.claims.write-back.fhir-base-url)");
    }

    @Singleton
    CodeSetService codeSetService(CodeSetPort codeSets, TransactionPort transactions, Clock clock) {
        return new CodeSetService(codeSets, transactions, clock);
    }

    @Singleton
    RemittanceIngestion remittanceIngestion(List<RemittanceReader> readers, AppealDeadlineRule appealRule, CodeSetPort codeSets,
                                            IngestWorkItemUseCase ingest, GetWorkItemQuery query, ChangeWorkItemStatusUseCase changeStatus,
                                            TransactionPort transactions) {
        return new RemittanceIngestion(readers, appealRule, codeSets, ingest, query, changeStatus, transactions);
    }
}
