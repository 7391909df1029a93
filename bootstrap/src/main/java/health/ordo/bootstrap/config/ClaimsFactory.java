package health.ordo.bootstrap.config;

import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.claims.CodeSetPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.claims.RemittanceIngestion;
import health.ordo.domain.claims.AppealDeadlineRule;
import health.ordo.spi.claims.RemittanceReader;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The claims context: the appeal rule from configuration ({@code ordo.claims.appeal-days},
 * {@code ordo.claims.appeal-days-by-payer.<payer>}) and the one remittance ingestion every reader and source feeds.
 */
@Factory
class ClaimsFactory {

    @Singleton
    AppealDeadlineRule appealDeadlineRule(@Property(name = "ordo.claims.appeal-days", defaultValue = "90") int defaultDays,
                                          @Nullable @Property(name = "ordo.claims.appeal-days-by-payer")
                                          @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, Integer> byPayer) {
        return new AppealDeadlineRule(defaultDays, byPayer);
    }

    @Singleton
    RemittanceIngestion remittanceIngestion(List<RemittanceReader> readers, AppealDeadlineRule appealRule, CodeSetPort codeSets,
                                            IngestWorkItemUseCase ingest, GetWorkItemQuery query, ChangeWorkItemStatusUseCase changeStatus,
                                            TransactionPort transactions) {
        return new RemittanceIngestion(readers, appealRule, codeSets, ingest, query, changeStatus, transactions);
    }
}
