package health.ordo.application.service.sla;

import health.ordo.application.port.in.sla.CalendarFileUseCase;
import health.ordo.application.port.out.sla.CalendarFilePort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Imports iCalendar files into business calendars and exports them. The read-modify-write of an import is one
 * transaction, so two imports into one calendar do not lose each other's holidays.
 */
public final class CalendarFileService implements CalendarFileUseCase {

    /** The widest window recurring events are expanded over. */
    static final int MAX_YEARS = 10;

    private final SlaConfigPort calendars;
    private final CalendarFilePort files;
    private final TransactionPort transactions;
    private final Clock clock;
    private final ZoneId defaultZone;

    public CalendarFileService(SlaConfigPort calendars, CalendarFilePort files, TransactionPort transactions, Clock clock,
                               String defaultZone) {
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.files = Objects.requireNonNull(files, "files");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultZone = ZoneId.of(defaultZone);
    }

    @Override
    public ImportResult importFile(ImportRequest request) {
        LocalDate from = request.from() != null ? request.from() : LocalDate.now(clock.withZone(defaultZone)).withDayOfYear(1);
        LocalDate to = request.to() != null ? request.to() : from.plusYears(3);
        InvalidValueException.require(to.isAfter(from), "to", "to is after from");
        InvalidValueException.require(ChronoUnit.YEARS.between(from, to.minusDays(1)) < MAX_YEARS, "to",
                "an import covers at most " + MAX_YEARS + " years");
        InvalidValueException.require(request.file() != null && request.file().length > 0, "body", "the iCalendar file is empty");
        Optional<ZoneId> zone = request.zone() == null ? Optional.empty() : Optional.of(zone(request.zone()));
        return transactions.inTransaction(request.tenant(), () -> {
            Optional<BusinessCalendar> existing = calendars.calendar(request.tenant(), request.calendarId());
            CalendarFilePort.Content content = files.read(request.file(), existing.map(BusinessCalendar::zone).or(() -> zone),
                    defaultZone, from, to);
            BusinessCalendar base = existing.orElseGet(() -> standardHours(request.tenant(), request.calendarId(), content.zone()));
            Set<LocalDate> holidays = new HashSet<>(base.holidays());
            List<BusinessCalendar.Closure> closures = new ArrayList<>(base.closures());
            if (request.mode() == Mode.REPLACE) {
                holidays.removeIf(day -> !day.isBefore(from) && day.isBefore(to));
                closures.removeIf(c -> overlaps(c, base.zone(), from, to));
            }
            int holidaysBefore = holidays.size();
            holidays.addAll(content.holidays());
            Set<BusinessCalendar.Closure> merged = new LinkedHashSet<>(closures);
            int closuresBefore = merged.size();
            merged.addAll(content.closures());
            BusinessCalendar saved = new BusinessCalendar(request.tenant(), request.calendarId(), base.zone().getId(), base.hours(),
                    holidays, List.copyOf(merged));
            calendars.saveCalendar(saved);
            return new ImportResult(saved, existing.isEmpty(), from, to, holidays.size() - holidaysBefore,
                    merged.size() - closuresBefore, content.skipped());
        });
    }

    @Override
    public Optional<byte[]> exportFile(TenantId tenant, String calendarId) {
        return transactions.readOnly(tenant, () -> calendars.calendar(tenant, calendarId))
                .or(() -> "default".equals(calendarId) || "standard".equals(calendarId)
                        ? Optional.of(BusinessCalendar.standard(tenant, defaultZone.getId())) : Optional.empty())
                .map(files::write);
    }

    private static BusinessCalendar standardHours(TenantId tenant, String id, ZoneId zone) {
        BusinessCalendar standard = BusinessCalendar.standard(tenant, zone.getId());
        return new BusinessCalendar(tenant, id, zone.getId(), standard.hours(), Set.of(), List.of());
    }

    private static boolean overlaps(BusinessCalendar.Closure closure, ZoneId zone, LocalDate from, LocalDate to) {
        return closure.from().isBefore(to.atStartOfDay(zone).toInstant()) && closure.to().isAfter(from.atStartOfDay(zone).toInstant());
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException("zone", "unknown time zone '" + zone + "'");
        }
    }
}
