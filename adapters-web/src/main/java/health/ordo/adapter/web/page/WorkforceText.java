package health.ordo.adapter.web.page;

import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A worker's time off as typed in the workforce form, one period after another separated by semicolons or line breaks:
 * {@code 2026-12-21..2026-12-24 annual leave; 2027-01-05 training} (a single date is one day; words after the dates are
 * the reason). A date that is no date is refused naming the period's field, e.g. {@code timeOff[1].to}.
 */
final class WorkforceText {

    private WorkforceText() {
    }

    static List<WorkerSchedule.TimeOff> timeOff(String text) {
        List<WorkerSchedule.TimeOff> periods = new ArrayList<>();
        if (text == null) {
            return periods;
        }
        for (String entry : text.split("[;\\n]")) {
            String period = entry.strip();
            if (period.isEmpty()) {
                continue;
            }
            String field = "timeOff[" + periods.size() + "]";
            String[] parts = period.split("\\s+", 2);
            String[] range = parts[0].split("\\.\\.", 2);
            LocalDate from = date(range[0], field + ".from");
            LocalDate to = range.length == 2 ? date(range[1], field + ".to") : from;
            periods.add(new WorkerSchedule.TimeOff(from, to, parts.length == 2 ? parts[1].strip() : null));
        }
        return periods;
    }

    /** The form's text of a schedule's time off. */
    static String timeOffText(WorkerSchedule schedule) {
        return schedule.timeOff().stream().map(WorkforceText::period).collect(Collectors.joining("; "));
    }

    /** The hours column: the calendar (or the default's name) and the time off from today on. */
    static String hours(WorkerSchedule schedule, LocalDate today, String defaultCalendar, String off) {
        String periods = schedule.timeOff().stream().filter(t -> !t.to().isBefore(today)).map(WorkforceText::period)
                .collect(Collectors.joining("; "));
        return (schedule.calendar() == null ? defaultCalendar : schedule.calendar()) + (periods.isEmpty() ? "" : "; " + off + " " + periods);
    }

    private static String period(WorkerSchedule.TimeOff t) {
        return t.from() + (t.to().equals(t.from()) ? "" : ".." + t.to()) + (t.reason() == null ? "" : " " + t.reason());
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "write a date as YYYY-MM-DD, a period as 2026-12-21..2026-12-24 (" + text.strip() + ")");
        }
    }
}
