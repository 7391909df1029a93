package health.ordo.adapter.claims.x12;

import health.ordo.adapter.claims.DenialIngestion;
import health.ordo.adapter.claims.IngestReport;
import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import jakarta.inject.Singleton;

/** Reads an 835 file and ingests its denials and reversals; shared by the HTTP endpoint and the watched folder. */
@Singleton
public class X12Remittances {

    /** The source system of items from 835 files. */
    public static final String SOURCE_SYSTEM = Remittance835Reader.SOURCE_SYSTEM;

    private final Remittance835Reader reader;
    private final DenialIngestion ingestion;

    X12Remittances(AppealDeadlineRule appealRule, DenialIngestion ingestion) {
        this.reader = new Remittance835Reader(appealRule);
        this.ingestion = ingestion;
    }

    /** @throws health.ordo.application.port.in.workitem.UnreadableDocumentException when the envelope cannot be read */
    public IngestReport ingest(TenantId tenant, byte[] document, Actor actor) {
        Remittance835Reader.Remittance remittance = reader.read(document);
        return ingestion.ingest(tenant, remittance.interchanges(), remittance.claims(), remittance.warnings(),
                "reversed by the payer (CLP02 = 22)", actor);
    }
}
