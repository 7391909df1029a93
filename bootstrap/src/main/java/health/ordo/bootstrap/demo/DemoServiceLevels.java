package health.ordo.bootstrap.demo;

import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.sla.SlaTerms;
import health.ordo.domain.sla.WorkingWindow;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo tenant's service levels: a US business calendar with holidays, a 5-business-day denial SLA, and a
 * minutes-long "demo-short" SLA on a 24/7 calendar for items created with {@code attributes.slaProfile = demo-short}, so
 * a newcomer can watch an item go through goal, deadline and breach.
 */
final class DemoServiceLevels {

    private DemoServiceLevels() {
    }

    /** US federal holidays (observed dates) of last year, this year and next: the demo history spans thirteen months. */
    static Set<LocalDate> holidays(LocalDate today) {
        Set<LocalDate> days = new java.util.TreeSet<>();
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            days.add(observed(LocalDate.of(year, 1, 1)));
            days.add(nth(year, 1, DayOfWeek.MONDAY, 3));
            days.add(nth(year, 2, DayOfWeek.MONDAY, 3));
            days.add(LocalDate.of(year, 5, 31).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            days.add(observed(LocalDate.of(year, 6, 19)));
            days.add(observed(LocalDate.of(year, 7, 4)));
            days.add(nth(year, 9, DayOfWeek.MONDAY, 1));
            days.add(nth(year, 10, DayOfWeek.MONDAY, 2));
            days.add(observed(LocalDate.of(year, 11, 11)));
            days.add(nth(year, 11, DayOfWeek.THURSDAY, 4));
            days.add(observed(LocalDate.of(year, 12, 25)));
        }
        return days;
    }

    private static LocalDate nth(int year, int month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** A holiday on a Saturday is observed on the Friday before, on a Sunday on the Monday after. */
    private static LocalDate observed(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    static void configure(ManageSlaUseCase sla, TenantId tenant, LocalDate today) {
        BusinessCalendar standard = BusinessCalendar.standard(tenant, "America/New_York");
        sla.saveCalendar(new BusinessCalendar(tenant, "default", "America/New_York", standard.hours(), holidays(today), List.of()));
        Map<DayOfWeek, List<WorkingWindow>> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            always.put(day, List.of(new WorkingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        sla.saveCalendar(new BusinessCalendar(tenant, "always", "America/New_York", always, Set.of(), List.of()));
        sla.savePolicy(new SlaPolicy(tenant, "denials", 0, health.ordo.domain.workitem.WorkItemType.CLAIM_DENIAL, List.of(), "default",
                new SlaTerms(Duration.ofHours(16), Duration.ofHours(40), 80),
                List.of(new EscalationAction(SlaStage.DEADLINE_APPROACHING, BigDecimal.TEN, null, null, true),
                        new EscalationAction(SlaStage.DEADLINE_REACHED, BigDecimal.valueOf(20), "denials-high-value", null, true)),
                Duration.ofHours(8), true));
        sla.savePolicy(new SlaPolicy(tenant, "payroll-demo-short", 0, health.ordo.domain.workitem.WorkItemType.PAYMENT_EXCEPTION,
                List.of(new RoutingCondition("attributes.slaProfile", "eq", "demo-short")), "always",
                new SlaTerms(Duration.ofMinutes(2), Duration.ofMinutes(5), 60),
                List.of(new EscalationAction(SlaStage.GOAL_REACHED, null, null, null, true),
                        new EscalationAction(SlaStage.DEADLINE_APPROACHING, BigDecimal.TEN, null, null, true),
                        new EscalationAction(SlaStage.DEADLINE_REACHED, BigDecimal.valueOf(20), "payroll-escalations", "sam@demo", true),
                        new EscalationAction(SlaStage.PASSED_DEADLINE, BigDecimal.valueOf(5), null, null, true)),
                Duration.ofMinutes(5), true));
    }
}
