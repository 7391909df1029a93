package health.ordo.application.service.insights;

import health.ordo.application.port.out.routing.WorkerSchedulePort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.domain.insights.AllocationAdvisor;
import health.ordo.domain.insights.Staff;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.workitem.SkillRequirement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workforce as the forecasts see it: the workers available for new work (with capacity and a queue), each on their
 * schedule — their own calendar (the queue's when they have none, or when theirs no longer exists) less their time off —
 * and what the routing rules into each queue require.
 */
public final class ForecastStaff {

    private final WorkforcePort workforce;
    private final WorkerSchedulePort schedules;
    private final SlaConfigPort calendars;

    public ForecastStaff(WorkforcePort workforce, WorkerSchedulePort schedules, SlaConfigPort calendars) {
        this.workforce = workforce;
        this.schedules = schedules;
        this.calendars = calendars;
    }

    /** The available workers and their schedules between two dates. */
    record Roster(List<Worker> workers, Map<String, Staff.Schedule> schedules) {

        /** Each queue's staff; a worker serving n queues counts 1/n on each. */
        Map<String, Staff> perQueue() {
            Map<String, Staff> perQueue = new HashMap<>();
            for (Worker worker : workers) {
                double share = 1.0 / worker.queues().size();
                Staff.Schedule schedule = schedules.get(worker.login());
                worker.queues().forEach(queue -> perQueue.put(queue, perQueue.getOrDefault(queue, Staff.NONE).plus(schedule, share)));
            }
            return perQueue;
        }

        /** The workers as allocation moves them: their share of each of the queues named, and their schedule. */
        List<AllocationAdvisor.StaffMember> members(Set<String> queues) {
            List<AllocationAdvisor.StaffMember> members = new ArrayList<>();
            for (Worker worker : workers) {
                Map<String, Double> shares = new HashMap<>();
                worker.queues().forEach(queue -> shares.put(queue, 1.0 / worker.queues().size()));
                shares.keySet().retainAll(queues);
                if (!shares.isEmpty()) {
                    members.add(new AllocationAdvisor.StaffMember(worker.login(), worker.team(), worker.site(), worker.skills(), shares,
                            schedules.get(worker.login())));
                }
            }
            return members;
        }
    }

    Roster roster(TenantId tenant, BusinessCalendar standard, LocalDate from, LocalDate to) {
        Map<String, WorkerSchedule> stored = new HashMap<>();
        schedules.schedules(tenant).forEach(schedule -> stored.put(schedule.login(), schedule));
        Map<String, BusinessCalendar> byId = new HashMap<>();
        Staff.Schedule plain = Staff.Schedule.of(standard);
        List<Worker> available = new ArrayList<>();
        Map<String, Staff.Schedule> perWorker = new HashMap<>();
        for (Worker worker : workforce.workers(tenant)) {
            if (!worker.available() || worker.capacity() == 0 || worker.queues().isEmpty()) {
                continue;
            }
            available.add(worker);
            WorkerSchedule schedule = stored.get(worker.login());
            if (schedule == null) {
                perWorker.put(worker.login(), plain);
                continue;
            }
            BusinessCalendar own = schedule.calendar() == null ? standard : byId.computeIfAbsent(schedule.calendar(),
                    id -> calendars.calendar(tenant, id).orElse(standard));
            perWorker.put(worker.login(), new Staff.Schedule(own, schedule.daysOff(from, to)));
        }
        return new Roster(available, perWorker);
    }

    /** Each queue's site (null for a queue at none). */
    Map<String, String> sites(TenantId tenant) {
        Map<String, String> sites = new HashMap<>();
        workforce.queues(tenant).forEach(queue -> sites.put(queue.id(), queue.site()));
        return sites;
    }

    /** Per queue, the skills (at their highest required proficiency) the routing rules into it require; optional ones aside. */
    Map<String, Map<String, Integer>> requiredSkills(TenantId tenant) {
        Map<String, Map<String, Integer>> required = new HashMap<>();
        for (RoutingRule rule : workforce.rules(tenant)) {
            for (SkillRequirement skill : rule.skills()) {
                if (!skill.optional()) {
                    required.computeIfAbsent(rule.targetQueue(), q -> new HashMap<>()).merge(skill.skill(), skill.minProficiency(), Math::max);
                }
            }
        }
        return required;
    }
}
