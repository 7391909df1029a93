package health.ordo.application.port.in.sla;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Business calendars in and out as iCalendar (RFC 5545) files (TENANT_ADMIN imports, managers export). */
public interface CalendarFileUseCase {

    /** What an import does with the holidays and closures already in the calendar. */
    enum Mode {
        /** Keeps them and adds the file's. */
        MERGE,
        /** Drops those within the import window and takes the file's instead; those outside the window stay. */
        REPLACE
    }

    /**
     * An import.
     *
     * @param zone the zone of a calendar the import creates (ignored for an existing calendar); {@code null}: the
     *             file's {@code X-WR-TIMEZONE}, else the deployment's default zone
     * @param from the first day recurring events are expanded on; {@code null}: January 1 of this year
     * @param to   the day after the last; {@code null}: three years after {@code from}
     */
    record ImportRequest(TenantId tenant, String calendarId, byte[] file, Mode mode, String zone, LocalDate from, LocalDate to) {
    }

    /**
     * @param created  whether the import created the calendar (with Monday-Friday 09:00-17:00 working hours)
     * @param holidays the holidays the file added within the window
     * @param closures the closures the file added within the window
     * @param skipped  events read but not used, and why
     */
    record ImportResult(BusinessCalendar calendar, boolean created, LocalDate from, LocalDate to, int holidays, int closures,
                        List<String> skipped) {
    }

    ImportResult importFile(ImportRequest request);

    /** The calendar as an iCalendar file; empty when the tenant has no calendar of that id. */
    Optional<byte[]> exportFile(TenantId tenant, String calendarId);
}
