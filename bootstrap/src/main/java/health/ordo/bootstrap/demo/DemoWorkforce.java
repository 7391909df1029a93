package health.ordo.bootstrap.demo;

import health.ordo.application.port.in.routing.ManageWorkerSchedulesUseCase;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.SkillRequirement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * The demo tenant's queues, workers and routing rules: revenue-cycle queues for alice (a denials worker), every
 * queue for sam (a supervisor who also works items), high-value denials needing appeal experience.
 */
final class DemoWorkforce {

    private DemoWorkforce() {
    }

    static void configure(ManageWorkforceUseCase workforce, TenantId tenant) {
        List.of(new Queue(tenant, "denials", "Claim denials", "revenue-cycle", "Main Campus", 3, Duration.ofMinutes(15)),
                new Queue(tenant, "denials-high-value", "High-value denials", "revenue-cycle", "Main Campus", 2, Duration.ofMinutes(15)),
                new Queue(tenant, "underpayments", "Underpayments", "revenue-cycle", "Main Campus", 2, Duration.ofMinutes(15)),
                new Queue(tenant, "prior-auth", "Prior authorizations", "access", "Main Campus", 2, Duration.ofMinutes(10)),
                new Queue(tenant, "ap-exceptions", "AP exceptions", "accounts-payable", "Shared Services", 3, Duration.ofMinutes(15)),
                new Queue(tenant, "payroll-exceptions", "Payroll exceptions", "payroll", "Shared Services", 1, Duration.ofMinutes(15)),
                new Queue(tenant, "payroll-escalations", "Payroll escalations (SLA breached)", "payroll", "Shared Services", 3,
                        Duration.ofMinutes(15)),
                new Queue(tenant, "supplier-onboarding", "Supplier onboarding", "procurement", "Shared Services", 1, Duration.ofMinutes(30)),
                new Queue(tenant, "hr-onboarding", "Employee onboarding", "hr", "Main Campus", 1, Duration.ofMinutes(30)),
                new Queue(tenant, "hr-credentialing", "Credentialing", "hr", "Main Campus", 1, Duration.ofMinutes(30)))
                .forEach(workforce::saveQueue);
        workforce.saveRule(new RoutingRule(tenant, "high-value-denials", 10,
                List.of(new RoutingCondition("type", "eq", "CLAIM_DENIAL"), new RoutingCondition("amount", "gte", "20000")),
                "denials-high-value", List.of(new SkillRequirement("appeals", 3, null)), 2));
        workforce.saveRule(new RoutingRule(tenant, "medical-necessity", 20,
                List.of(new RoutingCondition("type", "eq", "CLAIM_DENIAL"), new RoutingCondition("attributes.carc", "eq", "50")),
                "denials", List.of(new SkillRequirement("clinical-review", 2, Duration.ofHours(4))), 1));
        workforce.saveRule(new RoutingRule(tenant, "large-invoice-holds", 30,
                List.of(new RoutingCondition("type", "in", "INVOICE_HOLD,PAYMENT_BLOCK"), new RoutingCondition("amount", "gte", "100000")),
                "ap-exceptions", List.of(new SkillRequirement("ap-senior", 3, null)), 1));
        workforce.saveWorker(new Worker(tenant, "alice@demo", "revenue-cycle", "Main Campus",
                List.of("denials", "denials-high-value", "underpayments", "prior-auth"),
                Map.of("appeals", 3, "coding", 2, "payer-portals", 3), 12, true));
        workforce.saveWorker(new Worker(tenant, "sam@demo", "revenue-cycle", "Main Campus",
                List.of("denials", "denials-high-value", "underpayments", "prior-auth", "ap-exceptions", "payroll-exceptions",
                        "payroll-escalations", "supplier-onboarding", "hr-onboarding", "hr-credentialing"),
                Map.of("appeals", 4, "clinical-review", 3, "coding", 3, "ap-senior", 4), 15, true));
    }

    /** Alice is away for training Monday to Wednesday next week: the forecasts count her queues' staff without her then. */
    static void timeOff(ManageWorkerSchedulesUseCase schedules, TenantId tenant, LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        schedules.save(new WorkerSchedule(tenant, "alice@demo", null,
                List.of(new WorkerSchedule.TimeOff(monday, monday.plusDays(2), "training"))));
    }
}
