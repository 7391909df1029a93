package health.ordo.bootstrap.config;

import health.ordo.application.port.out.insights.FactsPort;
import health.ordo.application.port.out.insights.HistoryFilePort;
import health.ordo.application.port.out.insights.HistoryImportPort;
import health.ordo.application.port.out.insights.InsightReadPort;
import health.ordo.application.port.out.insights.OpenWorkPort;
import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.insights.DraftPolicyScores;
import health.ordo.application.service.insights.ForecastService;
import health.ordo.application.service.insights.ForecastSettings;
import health.ordo.application.service.insights.ForecastStaff;
import health.ordo.application.service.insights.HistoryImportService;
import health.ordo.application.service.insights.InsightZones;
import health.ordo.application.service.insights.InsightsMaintenanceService;
import health.ordo.application.service.insights.InsightsQueryService;
import health.ordo.application.service.insights.WatchService;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.insights.WatchPort;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Process intelligence wiring. Each tenant's rollups count in the days of its business calendar's zone;
 * {@code ordo.insights.time-zone} (UTC) is the zone of a tenant without a calendar;
 * {@code ordo.insights.settle} (30 s) how old an item change must be before its fact is refreshed;
 * {@code ordo.insights.productive-share} (0.8) the share of working time a worker spends on queue items;
 * {@code ordo.insights.default-handling} (30 min) the handling time of a type with no completed history yet.
 */
@Factory
class InsightsFactory {

    @Singleton
    InsightZones insightZones(SlaConfigPort calendars, @Value("${ordo.insights.time-zone:UTC}") String zone) {
        return new InsightZones(calendars, ZoneId.of(zone));
    }

    @Singleton
    InsightsMaintenanceService insightsMaintenanceService(FactsPort facts, HistoryImportPort imports, HistoryFilePort files,
                                                          TransactionPort transactions, Clock clock, InsightZones zones,
                                                          @Value("${ordo.insights.settle:30s}") Duration settle) {
        return new InsightsMaintenanceService(facts, imports, files, transactions, clock, zones, settle);
    }

    @Singleton
    InsightsQueryService insightsQueryService(InsightReadPort reads, WorkforcePort workforce, TransactionPort transactions, Clock clock,
                                              InsightZones zones) {
        return new InsightsQueryService(reads, workforce, transactions, clock, zones);
    }

    @Singleton
    ForecastService forecastService(InsightReadPort reads, OpenWorkPort openWork, WorkforcePort workforce,
                                    health.ordo.application.port.out.routing.WorkerSchedulePort schedules, SlaConfigPort calendars,
                                    PriorityPolicyPort policies, RescoringPort rescoring, PriorityScoringService scoring,
                                    TransactionPort transactions, Clock clock, InsightZones zones,
                                    @Value("${ordo.insights.productive-share:0.8}") double productiveShare,
                                    @Value("${ordo.insights.default-handling:30m}") Duration defaultHandling) {
        return new ForecastService(reads, openWork, new ForecastStaff(workforce, schedules, calendars),
                new DraftPolicyScores(policies, rescoring, scoring, clock), transactions, clock, zones,
                new ForecastSettings(productiveShare, defaultHandling));
    }

    @Singleton
    WatchService watchService(InsightReadPort reads, WatchPort watch, TenantDirectoryPort tenants, IngestWorkItemUseCase ingest,
                              TransactionPort transactions, Clock clock, InsightZones zones) {
        return new WatchService(reads, watch, tenants, ingest, transactions, clock, zones);
    }

    @Singleton
    HistoryImportService historyImportService(HistoryImportPort imports, TransactionPort transactions, Clock clock) {
        return new HistoryImportService(imports, transactions, clock);
    }
}
