package health.ordo.domain.sla;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItemStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClockTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard(TENANT, "America/New_York");
    // goal 2 business days, deadline 5, at risk at 80 %
    private static final SlaTerms TERMS = new SlaTerms(Duration.ofHours(16), Duration.ofHours(40), 80);

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/New_York")).toInstant();
    }

    private static HistoryEntry entry(String at, String action, WorkItemStatus from, WorkItemStatus to) {
        return new HistoryEntry(ny(at), action, from, to, Actor.SYSTEM, null);
    }

    private static final Instant ARRIVAL = ny("2026-11-23T09:00"); // a Monday

    private static final List<HistoryEntry> WITH_HOLD = List.of(
            entry("2026-11-23T09:00", "create", null, WorkItemStatus.READY),
            entry("2026-11-23T10:00", "claim", WorkItemStatus.READY, WorkItemStatus.CLAIMED),
            entry("2026-11-23T10:30", "start", WorkItemStatus.CLAIMED, WorkItemStatus.IN_PROGRESS),
            entry("2026-11-23T13:00", "hold", WorkItemStatus.IN_PROGRESS, WorkItemStatus.ON_HOLD),
            entry("2026-11-24T13:00", "resume", WorkItemStatus.ON_HOLD, WorkItemStatus.IN_PROGRESS));

    @Test
    void givenUninterruptedWork_goalAndDeadlineFallTwoAndFiveBusinessDaysAfterArrival() {
        SlaClock clock = SlaClock.compute(ARRIVAL, WITH_HOLD.subList(0, 3), TERMS, null, CALENDAR, ny("2026-11-23T12:00"));

        assertThat(clock.state()).isEqualTo(SlaClock.State.RUNNING);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(clock.goalAt()).isEqualTo(ny("2026-11-24T17:00"));
        assertThat(clock.deadlineAt()).isEqualTo(ny("2026-11-27T17:00"));
        assertThat(clock.remaining()).isEqualTo(Duration.ofHours(37));
    }

    @Test
    void givenHoldAndResume_theClockPausesAndTheGoalMovesBack() {
        SlaClock paused = SlaClock.compute(ARRIVAL, WITH_HOLD.subList(0, 4), TERMS, null, CALENDAR, ny("2026-11-24T10:00"));
        SlaClock resumed = SlaClock.compute(ARRIVAL, WITH_HOLD, TERMS, null, CALENDAR, ny("2026-11-25T12:00"));

        assertThat(paused.state()).isEqualTo(SlaClock.State.PAUSED);
        assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(4));
        assertThat(paused.paused()).singleElement().satisfies(i -> assertThat(i.from()).isEqualTo(ny("2026-11-23T13:00")));
        assertThat(resumed.state()).isEqualTo(SlaClock.State.RUNNING);
        assertThat(resumed.elapsed()).as("Mon 9-13, Tue 13-17, Wed 9-12").isEqualTo(Duration.ofHours(11));
        assertThat(resumed.goalAt()).isEqualTo(ny("2026-11-25T17:00"));
        assertThat(resumed.paused()).singleElement().satisfies(i -> assertThat(i.to()).isEqualTo(ny("2026-11-24T13:00")));
    }

    @Test
    void calendarCorrection_recomputesTheClockRetroactively() {
        BusinessCalendar corrected = new BusinessCalendar(TENANT, "corrected", "America/New_York", CALENDAR.hours(),
                Set.of(LocalDate.parse("2026-11-24")), List.of());

        SlaClock before = SlaClock.compute(ARRIVAL, WITH_HOLD, TERMS, null, CALENDAR, ny("2026-11-25T12:00"));
        SlaClock after = SlaClock.compute(ARRIVAL, WITH_HOLD, TERMS, null, corrected, ny("2026-11-25T12:00"));

        assertThat(before.elapsed()).isEqualTo(Duration.ofHours(11));
        assertThat(after.elapsed()).as("Tuesday was a holiday after all").isEqualTo(Duration.ofHours(7));
        assertThat(after.goalAt()).isAfter(before.goalAt());
    }

    @Test
    void earlierHardDeadline_bindsAndPassingItBreaches() {
        Instant appealLimit = ny("2026-11-25T12:00");

        SlaClock clock = SlaClock.compute(ARRIVAL, WITH_HOLD.subList(0, 3), TERMS, appealLimit, CALENDAR, ny("2026-11-25T13:00"));

        assertThat(clock.hardDeadlineBinding()).isTrue();
        assertThat(clock.deadlineAt()).isEqualTo(appealLimit);
        assertThat(clock.state()).isEqualTo(SlaClock.State.BREACHED);
        assertThat(clock.remaining()).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void nearTheDeadline_theClockIsAtRisk_andCompletionStopsIt() {
        SlaClock atRisk = SlaClock.compute(ARRIVAL, WITH_HOLD.subList(0, 3), TERMS, null, CALENDAR, ny("2026-11-27T10:00"));
        List<HistoryEntry> completed = new java.util.ArrayList<>(WITH_HOLD.subList(0, 3));
        completed.add(entry("2026-11-24T11:00", "complete", WorkItemStatus.IN_PROGRESS, WorkItemStatus.COMPLETED));
        SlaClock met = SlaClock.compute(ARRIVAL, completed, TERMS, null, CALENDAR, ny("2026-12-10T10:00"));

        assertThat(atRisk.state()).isEqualTo(SlaClock.State.AT_RISK);
        assertThat(met.state()).isEqualTo(SlaClock.State.MET);
        assertThat(met.elapsed()).isEqualTo(Duration.ofHours(10));
    }
}
