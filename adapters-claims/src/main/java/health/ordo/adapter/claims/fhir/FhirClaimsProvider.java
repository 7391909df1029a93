package health.ordo.adapter.claims.fhir;

import ca.uhn.fhir.context.FhirContext;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SettingDescriptor;
import health.ordo.spi.plugin.SourceAdapterProvider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Connector type {@value #TYPE}: a payer's or clearinghouse's FHIR R4 server. Its {@code ClaimResponse} resources are
 * pulled and judged by Ordo's claims rules exactly as a posted 835 or ClaimResponse is (denials and their categories,
 * reversals closing what they reverse, a re-denial of a closed item as new work); a denial's resolution is written back
 * as a {@code Task}. Option: {@code bearer-token} (secret), sent as {@code Authorization: Bearer}.
 */
@Singleton
class FhirClaimsProvider implements SourceAdapterProvider {

    static final String TYPE = "fhir-claim-responses";

    private final FhirContext fhir;
    private final Clock clock;

    FhirClaimsProvider(FhirContext fhir, Clock clock) {
        this.fhir = fhir;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "A payer's or clearinghouse's FHIR R4 server: ClaimResponses in, judged like 835 files; denial resolutions written back as Tasks";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(SettingDescriptor.secret("bearer-token", false, "sent as Authorization: Bearer"));
    }

    @Override
    public SourceAdapter create(ConnectorSettings settings) {
        return new FhirClaimsSource(settings.baseUrl(), settings.option("bearer-token").orElse(null), fhir, clock, settings.http());
    }
}
