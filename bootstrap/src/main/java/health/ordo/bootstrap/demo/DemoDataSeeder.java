package health.ordo.bootstrap.demo;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.insights.ImportHistoryUseCase;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase.NewUser;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.WorkItemContent;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Seeds tenant {@code demo} with three users, queues, worker profiles and routing rules, about 500 work items
 * (routed by those rules), and thirteen months of a legacy system's history imported as a history job
 * ({@code ordo.demo.history-days}, 395; 0 for none), when the tenant does not exist yet.
 * Runs by default with the embedded database only; {@code ordo.demo.enabled} (env {@code ORDO_DEMO_ENABLED})
 * forces it on or off.
 */
@Singleton
class DemoDataSeeder {

    static final TenantId DEMO = TenantId.of("demo");
    static final List<NewUser> USERS = List.of(
            new NewUser(Login.parse("alice@demo"), "Alice Nguyen", "alice-ordo-demo", Set.of(Role.WORKER)),
            new NewUser(Login.parse("sam@demo"), "Sam Okafor", "sam-ordo-demo1", Set.of(Role.SUPERVISOR)),
            new NewUser(Login.parse("ada@demo"), "Ada Brennan", "ada-ordo-demo1", Set.of(Role.TENANT_ADMIN)));
    static final TenantId PLATFORM = TenantId.of("platform");
    /** The demo's platform operator: provisions and brands tenants, sees no tenant's work. */
    static final NewUser PLATFORM_ADMIN = new NewUser(Login.parse("ops@platform"), "Platform Operator", "ops-ordo-demo1",
            Set.of(Role.PLATFORM_ADMIN));
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final ProvisionTenantUseCase provisionTenant;
    private final ManageWorkforceUseCase workforce;
    private final health.ordo.application.port.in.routing.ManageWorkerSchedulesUseCase schedules;
    private final ManageSlaUseCase sla;
    private final IngestWorkItemUseCase ingest;
    private final ImportHistoryUseCase history;
    private final int historyDays;
    private final Clock clock;
    private final boolean enabled;

    DemoDataSeeder(ProvisionTenantUseCase provisionTenant, ManageWorkforceUseCase workforce,
                   health.ordo.application.port.in.routing.ManageWorkerSchedulesUseCase schedules, ManageSlaUseCase sla,
                   IngestWorkItemUseCase ingest, ImportHistoryUseCase history, Clock clock, BeanContext context,
                   io.micronaut.context.env.Environment environment, @Value("${ordo.demo.enabled:}") String enabledFlag,
                   @Value("${ordo.demo.history-days:395}") int historyDays) {
        this.provisionTenant = provisionTenant;
        this.workforce = workforce;
        this.schedules = schedules;
        this.sla = sla;
        this.ingest = ingest;
        this.history = history;
        this.historyDays = historyDays;
        this.clock = clock;
        this.enabled = seeds(context.containsBean(EmbeddedPostgresServer.class), environment.getActiveNames(), enabledFlag);
        if (!enabled && "true".equalsIgnoreCase(enabledFlag == null ? "" : enabledFlag.strip())) {
            LOG.warn("ordo.demo.enabled=true is ignored: demo users with known passwords are never created with an external "
                    + "database or in a production environment");
        }
    }

    /**
     * Demo users have passwords printed in the README: they exist only with the embedded database, never with an external
     * one or in a production environment (an active environment named {@code prod} or {@code production}), whatever the
     * flag says; the flag can only turn seeding off.
     */
    static boolean seeds(boolean embeddedDatabase, java.util.Set<String> environments, String flag) {
        boolean production = environments.stream().anyMatch(name -> name.equalsIgnoreCase("prod") || name.equalsIgnoreCase("production"));
        boolean wanted = flag == null || flag.isBlank() || Boolean.parseBoolean(flag.strip());
        return embeddedDatabase && !production && wanted;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!enabled) {
            return;
        }
        provisionTenant.provision(PLATFORM, "Ordo platform", List.of(PLATFORM_ADMIN));
        if (!provisionTenant.provision(DEMO, "Demo Health System", USERS)) {
            LOG.info("Demo tenant already present; not seeding again");
            return;
        }
        DemoWorkforce.configure(workforce, DEMO);
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneId.of("America/New_York")).toLocalDate();
        DemoServiceLevels.configure(sla, DEMO, today);
        DemoWorkforce.timeOff(schedules, DEMO, today);
        List<WorkItemContent> backlog = DemoBacklog.generate(clock.instant());
        long created = 0;
        for (int from = 0; from < backlog.size(); from += IngestWorkItemUseCase.MAX_BATCH) {
            List<WorkItemContent> chunk = backlog.subList(from, Math.min(backlog.size(), from + IngestWorkItemUseCase.MAX_BATCH));
            created += ingest.ingestBatch(DEMO, chunk, Actor.SYSTEM, Provenance.seed()).stream()
                    .filter(IngestOutcome.Created.class::isInstance).count();
        }
        LOG.info("Seeded demo tenant with {} users and {} work items", USERS.size(), created);
        if (historyDays > 0) {
            var job = history.submit(DEMO, "system", ImportHistoryUseCase.Format.CSV, DemoHistory.SOURCE,
                    DemoHistory.csv(today, clock.instant(), DemoServiceLevels.holidays(today), historyDays));
            LOG.info("Importing {} days of demo history from a legacy work-queue system (job {})", historyDays, job.id());
        }
    }
}
