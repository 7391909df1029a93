package health.ordo.bootstrap.config;

import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.application.service.intake.IntakeModelService;
import health.ordo.application.service.phi.PhiAccessService;
import health.ordo.application.port.out.approval.ApprovalPort;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.application.service.approval.ApprovalService;
import health.ordo.application.service.connector.ConnectorChanges;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.LoadUserAccountPort;
import health.ordo.application.port.out.user.PasswordHashingPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.FindWorkItemsPort;
import health.ordo.application.port.out.workitem.SearchWorkItemsPort;
import health.ordo.application.port.out.connector.InstalledConnectorTypesPort;
import health.ordo.application.service.connector.ConnectorTypesService;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.user.TenantProvisioningService;
import health.ordo.application.service.user.UserAuthenticationService;
import health.ordo.application.service.workitem.WorkItemIngestionService;
import health.ordo.application.service.workitem.WorkItemLifecycleService;
import health.ordo.application.service.writeback.WriteBackService;
import health.ordo.application.service.tenant.TenantAdministrationService;
import health.ordo.application.service.client.ApiClientService;
import health.ordo.application.service.audit.AuditService;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.client.ApiClientPort;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.application.service.connector.ConnectorCatalogue;
import health.ordo.application.service.secret.SecretRotationService;
import health.ordo.application.service.user.UserAccessService;
import health.ordo.application.port.out.user.UpdateUserAccountPort;
import health.ordo.application.port.out.secret.ResealSecretsPort;
import health.ordo.spi.http.OutboundChannel;
import health.ordo.application.service.connector.ConnectorService;
import health.ordo.application.service.connector.ConnectorWriteBacks;
import health.ordo.application.port.out.connector.ConnectorRegistryPort;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.out.writeback.WriteBackOutboxPort;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.application.service.workitem.WorkItemQueryService;
import health.ordo.application.service.workitem.WorkItemSearchService;
import health.ordo.application.port.out.priority.JobPort;
import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.PrioritySettingsPort;
import health.ordo.application.port.out.priority.RecoveryLikelihoodPort;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.service.priority.PolicyManagementService;
import health.ordo.application.service.priority.PolicySimulationService;
import health.ordo.application.service.priority.PriorityOverrideService;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.port.out.routing.ClaimNextWorkPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.service.routing.AssignmentService;
import health.ordo.application.service.routing.GetNextWorkService;
import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.application.port.out.operations.OperationsStatsPort;
import health.ordo.application.service.operations.OperationsService;
import health.ordo.bootstrap.observability.MeteredGetNextWork;
import io.micrometer.core.instrument.MeterRegistry;
import health.ordo.application.service.routing.WorkforceService;
import health.ordo.application.service.routing.WorkerScheduleService;
import health.ordo.application.port.out.routing.WorkerSchedulePort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.application.port.out.limit.RateLimitPort;
import health.ordo.application.port.out.sla.CalendarFilePort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.service.escalation.EscalationService;
import health.ordo.application.service.limit.RateLimitService;
import health.ordo.application.service.sla.CalendarFileService;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.application.service.priority.ScoreMaintenanceService;
import health.ordo.domain.priority.WorkingCalendar;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The one place where the framework-free application services meet their adapters. */
@Factory
class ApplicationServicesFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    WorkingCalendar workingCalendar(@Value("${ordo.priority.time-zone:UTC}") String zone) {
        return WorkingCalendar.weekdays(ZoneId.of(zone));
    }

    @Singleton
    @Named("likelihood-model")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService likelihoodModelExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "likelihood-model-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    PriorityScoringService priorityScoringService(PriorityPolicyPort policies, RecoveryLikelihoodPort likelihood,
                                                  WorkingCalendar calendar, Clock clock,
                                                  @Value("${ordo.priority.likelihood.timeout:200ms}") Duration timeout,
                                                  @Value("${ordo.priority.policy-cache-ttl:5s}") Duration policyCacheTtl,
                                                  @Named("likelihood-model") ExecutorService executor) {
        return new PriorityScoringService(policies, likelihood, calendar, clock, timeout, policyCacheTtl, executor);
    }

    @Singleton
    PolicyManagementService policyManagementService(PriorityPolicyPort policies, RescoringPort rescoring, JobPort jobs,
                                                    TransactionPort transactions, PriorityScoringService scoring, Clock clock,
                                                    ApprovalGate gate) {
        return new PolicyManagementService(policies, rescoring, jobs, transactions, scoring, clock, gate);
    }

    @Singleton
    PhiAccessService phiAccessService(WorkforcePort workforce, TransactionPort transactions) {
        return new PhiAccessService(workforce, transactions);
    }

    @Singleton
    ApprovalGate approvalGate(ApprovalPort approvals, TransactionPort transactions, Clock clock) {
        return new ApprovalGate(approvals, transactions, clock);
    }

    /** Maker-checker: what each kind of held action runs once a second person approves it. */
    @Singleton
    ApprovalService approvalService(ApprovalPort approvals, TransactionPort transactions, AuditLogPort audit, Clock clock,
                                    PolicyManagementService policies, SlaScheduler sla, WorkItemLifecycleService lifecycle,
                                    ConnectorService connectors, IntakeModelService intakeModels,
                                    @Value("${ordo.approvals.expire-after:7d}") Duration expireAfter) {
        return new ApprovalService(approvals, transactions, audit, clock, expireAfter)
                .on(ApprovalKind.PRIORITY_POLICY_ACTIVATION, (request, checker) -> {
                    int version = Integer.parseInt(request.parameters().get("version"));
                    var job = policies.activateApproved(request.tenant(), request.parameters().get("policyId"), version,
                            new Actor(request.requestedBy(), true));
                    return "priority policy " + request.parameters().get("policyId") + " v" + version + " active; re-score job " + job.id();
                })
                .on(ApprovalKind.SLA_POLICY_ACTIVATION, (request, checker) -> sla.activateApproved(request.tenant(),
                        request.parameters().get("policyId"), Integer.parseInt(request.parameters().get("version"))))
                .on(ApprovalKind.WRITE_OFF, (request, checker) -> {
                    var item = lifecycle.completeApproved(request.tenant(), WorkItemId.parse(request.parameters().get("workItemId")),
                            request.parameters().get("resolutionCode"), new Actor(request.requestedBy(), false));
                    return "work item " + item.id().value() + " " + item.status() + " as " + item.resolutionCode();
                })
                .on(ApprovalKind.CONNECTOR_CREDENTIALS, (request, checker) -> connectors.configureApproved(request.tenant(),
                        request.parameters().get("connector"), ConnectorChanges.fromParameters(request.parameters()), request.requestedBy()))
                .on(ApprovalKind.INTAKE_MODEL_ACTIVATION, (request, checker) -> intakeModels.activateApproved(request.tenant(),
                        Integer.parseInt(request.parameters().get("version")), request.requestedBy(), checker.name()).name() + " active");
    }

    @Singleton
    PolicySimulationService policySimulationService(RescoringPort rescoring, TransactionPort transactions,
                                                    PriorityScoringService scoring, Clock clock) {
        return new PolicySimulationService(rescoring, transactions, scoring, clock);
    }

    @Singleton
    PriorityOverrideService priorityOverrideService(WorkItemUpdater updater, PrioritySettingsPort settings,
                                                    TransactionPort transactions, PriorityScoringService scoring, Clock clock) {
        return new PriorityOverrideService(updater, settings, transactions, scoring, clock);
    }

    @Singleton
    ScoreMaintenanceService scoreMaintenanceService(RescoringPort rescoring, JobPort jobs, WorkItemUpdater updater,
                                                    TransactionPort transactions, PriorityScoringService scoring, Clock clock) {
        return new ScoreMaintenanceService(rescoring, jobs, updater, transactions, scoring, clock);
    }

    @Singleton
    WorkItemIngestionService workItemIngestionService(LoadWorkItemPort load, SaveWorkItemPort save, AppendEventsPort events,
                                                      TransactionPort transactions, PriorityScoringService scoring,
                                                      WorkforcePort workforce, SlaScheduler sla, Clock clock) {
        return new WorkItemIngestionService(load, save, events, transactions, scoring, workforce, sla, clock);
    }

    @Singleton
    WorkItemQueryService workItemQueryService(LoadWorkItemPort load, FindWorkItemsPort find, TransactionPort transactions,
                                              PriorityScoringService scoring) {
        return new WorkItemQueryService(load, find, transactions, scoring);
    }

    @Singleton
    WorkItemSearchService workItemSearchService(SearchWorkItemsPort search, TransactionPort transactions) {
        return new WorkItemSearchService(search, transactions);
    }

    @Singleton
    WorkItemUpdater workItemUpdater(LoadWorkItemPort load, SaveWorkItemPort save, AppendEventsPort events,
                                    TransactionPort transactions, PriorityScoringService scoring, SlaScheduler sla, Clock clock,
                                    ChangeTrailPort trail, AuditLogPort auditLog) {
        return new WorkItemUpdater(load, save, events, transactions, scoring, sla, clock, trail, auditLog);
    }

    @Singleton
    SlaScheduler slaScheduler(SlaConfigPort config, SlaTimerPort timers, LoadWorkItemPort load, TransactionPort transactions,
                              Clock clock, @Value("${ordo.sla.default-zone:America/New_York}") String defaultZone, ApprovalGate gate,
                              WorkforcePort workforce) {
        return new SlaScheduler(config, timers, load, transactions, clock, defaultZone, gate, workforce);
    }

    @Singleton
    RateLimitService rateLimitService(RateLimitPort buckets, @Value("${ordo.rate-limit.max-buckets:100000}") int maxBuckets) {
        return new RateLimitService(buckets, System::nanoTime, maxBuckets);
    }

    @Singleton
    CalendarFileService calendarFileService(SlaConfigPort config, CalendarFilePort files, TransactionPort transactions, Clock clock,
                                            @Value("${ordo.sla.default-zone:America/New_York}") String defaultZone) {
        return new CalendarFileService(config, files, transactions, clock, defaultZone);
    }

    @Singleton
    EscalationService escalationService(SlaTimerPort timers, SlaScheduler scheduler, LoadWorkItemPort load,
                                        WorkItemUpdater updater, TransactionPort transactions, Clock clock,
                                        @Value("${ordo.sla.late-after:60s}") Duration lateAfter) {
        return new EscalationService(timers, scheduler, load, updater, transactions, clock, lateAfter);
    }

    @Singleton
    WorkItemLifecycleService workItemLifecycleService(WorkItemUpdater updater, WriteBackService writeBacks, ApprovalGate gate,
                                                      WorkforcePort workforce) {
        return new WorkItemLifecycleService(updater, writeBacks, gate, workforce);
    }

    @Singleton
    UserAccessService userAccessService(LoadUserAccountPort load, UpdateUserAccountPort update, TransactionPort transactions) {
        return new UserAccessService(load, update, transactions);
    }

    @Singleton
    SecretRotationService secretRotationService(ResealSecretsPort secrets, TransactionPort transactions) {
        return new SecretRotationService(secrets, transactions);
    }

    @Singleton
    ConnectorCatalogue connectorCatalogue(ConnectorRegistryPort registry, ConnectorConfigPort configs, InstalledConnectorTypesPort types,
                                          TransactionPort transactions, OutboundChannel http) {
        return new ConnectorCatalogue(registry, configs, types.providers(), transactions, http);
    }

    @Singleton
    ConnectorTypesService connectorTypesService(InstalledConnectorTypesPort types) {
        return new ConnectorTypesService(types);
    }

    /** Scheduled syncs run on their own pool, one task per connector, so a hung source holds one thread, not the round. */
    @Singleton
    @Named("connector-sync")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService connectorSyncExecutor(@Value("${ordo.connector-sync.threads:8}") int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, "ordo-connector-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    ConnectorService connectorService(ConnectorCatalogue catalogue, ConnectorStatePort state, IngestWorkItemUseCase ingest,
                                      GetWorkItemQuery query, WorkItemUpdater updater, SaveWorkItemPort save, AppendEventsPort events,
                                      TransactionPort transactions, Clock clock,
                                      @Value("${ordo.connectors-retry-base:500ms}") Duration retryBase,
                                      @Named("connector-sync") ExecutorService syncExecutor,
                                      @Value("${ordo.connector-sync.round-wait:20s}") Duration roundWait, ApprovalGate gate,
                                      io.micronaut.context.BeanProvider<IntakeDocumentsUseCase> intake,
                                      io.micronaut.context.BeanProvider<health.ordo.application.port.in.claims.IngestRemittanceUseCase> remittances) {
        return new ConnectorService(catalogue, new ConnectorService.Parts(state, ingest, query, updater, save, events, transactions, clock,
                intake::get, remittances::get),
                retryBase, syncExecutor, roundWait, gate);
    }

    @Singleton
    TenantAdministrationService tenantAdministrationService(ProvisionTenantUseCase provision, ManageSlaUseCase sla,
                                                            TenantDirectoryPort directory, TransactionPort transactions) {
        return new TenantAdministrationService(provision, sla, directory, transactions);
    }

    @Singleton
    ApiClientService apiClientService(ApiClientPort clients, PasswordHashingPort hashing, TransactionPort transactions, Clock clock) {
        return new ApiClientService(clients, hashing, transactions, clock);
    }

    @Singleton
    AuditService auditService(AuditLogPort log, TransactionPort transactions, Clock clock) {
        return new AuditService(log, transactions, clock);
    }

    @Singleton
    ConnectorWriteBacks connectorWriteBacks(ConnectorService connectors) {
        return new ConnectorWriteBacks(connectors);
    }

    @Singleton
    WriteBackService writeBackService(WriteBackOutboxPort outbox, TransactionPort transactions, List<WriteBackTargetPort> targets,
                                      Clock clock, @Value("${ordo.write-back.retry-base:30s}") Duration retryBase,
                                      @Value("${ordo.write-back.retry-max:1h}") Duration retryMax,
                                      @Value("${ordo.write-back.max-attempts:10}") int maxAttempts) {
        return new WriteBackService(outbox, transactions, targets, clock, retryBase, retryMax, maxAttempts);
    }

    @Singleton
    GetNextWorkUseCase getNextWorkService(WorkforcePort workforce, ClaimNextWorkPort claims, WorkItemUpdater updater,
                                          TransactionPort transactions, Clock clock, MeterRegistry meters) {
        return new MeteredGetNextWork(new GetNextWorkService(workforce, claims, updater, transactions, clock), meters);
    }

    @Singleton
    OperationsService operationsService(OperationsStatsPort stats, TransactionPort transactions, Clock clock,
                                        @Value("${ordo.sla.late-after:60s}") Duration lateAfter) {
        return new OperationsService(stats, transactions, clock, lateAfter);
    }

    @Singleton
    AssignmentService assignmentService(WorkItemUpdater updater, WorkforcePort workforce, FindWorkItemsPort find,
                                        TransactionPort transactions) {
        return new AssignmentService(updater, workforce, find, transactions);
    }

    @Singleton
    WorkforceService workforceService(WorkforcePort workforce, ClaimNextWorkPort claims, WorkItemUpdater updater,
                                      TransactionPort transactions, Clock clock, SlaConfigPort slaConfig) {
        return new WorkforceService(workforce, claims, updater, transactions, clock, slaConfig);
    }

    @Singleton
    WorkerScheduleService workerScheduleService(WorkforcePort workforce, WorkerSchedulePort schedules, SlaConfigPort calendars,
                                                TransactionPort transactions) {
        return new WorkerScheduleService(workforce, schedules, calendars, transactions);
    }

    @Singleton
    UserAuthenticationService userAuthenticationService(LoadUserAccountPort load, PasswordHashingPort hashing,
                                                        TransactionPort transactions) {
        return new UserAuthenticationService(load, hashing, transactions);
    }

    @Singleton
    TenantProvisioningService tenantProvisioningService(SaveTenantPort save, PasswordHashingPort hashing,
                                                        TransactionPort transactions) {
        return new TenantProvisioningService(save, hashing, transactions);
    }
}
