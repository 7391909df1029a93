package health.ordo.adapter.claims.fhir;

import health.ordo.domain.shared.TenantId;
import ca.uhn.fhir.context.FhirContext;
import health.ordo.adapter.claims.x12.Remittance835Reader;
import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.spi.Outcome;
import health.ordo.spi.WriteBackResult;
import health.ordo.spi.http.OutboundChannel;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * Writes a denial's resolution (appealed, corrected and resubmitted, written off, patient billed) back to the claims system
 * as a FHIR Task, for items from X12 835 files and from FHIR ClaimResponses, through {@link FhirClaimsSource#writeBack}.
 * Without {@code ordo.claims.write-back.fhir-base-url} the outcomes stay queued (visible in the outbox) until one is set.
 */
@Singleton
class FhirWriteBackTarget implements WriteBackTargetPort {

    private static final Set<String> SYSTEMS = Set.of(ClaimResponseMapper.SOURCE_SYSTEM, Remittance835Reader.SOURCE_SYSTEM);

    private final FhirClaimsSource source;

    FhirWriteBackTarget(@Nullable @Property(name = "ordo.claims.write-back.fhir-base-url") String baseUrl,
                        @Nullable @Property(name = "ordo.claims.write-back.bearer-token") String bearerToken,
                        FhirContext fhir, Clock clock, OutboundChannel http) {
        this.source = baseUrl == null || baseUrl.isBlank() ? null
                : new FhirClaimsSource(URI.create(baseUrl), bearerToken, fhir, clock, http);
    }

    @Override
    public boolean handles(TenantId tenant, String sourceSystem) {
        return SYSTEMS.contains(sourceSystem);
    }

    @Override
    public Delivery deliver(WriteBack writeBack) {
        if (source == null) {
            return new Delivery(Delivery.Status.NOT_CONFIGURED, "no FHIR endpoint configured (ordo.claims.write-back.fhir-base-url)");
        }
        WriteBackResult result;
        try {
            result = source.writeBack(new Outcome(writeBack.externalId(), writeBack.resolution(), writeBack.note(),
                    writeBack.idempotencyKey()));
        } catch (health.ordo.spi.SourceUnavailableException e) {
            return new Delivery(Delivery.Status.FAILED, e.getMessage()); // an outage: retried for as long as it lasts
        }
        return new Delivery(switch (result.status()) {
            case APPLIED -> Delivery.Status.APPLIED;
            case ALREADY_APPLIED -> Delivery.Status.ALREADY_APPLIED;
            case FAILED -> Delivery.Status.REFUSED;
        }, result.detail());
    }
}
