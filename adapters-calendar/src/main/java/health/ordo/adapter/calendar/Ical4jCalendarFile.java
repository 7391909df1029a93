package health.ordo.adapter.calendar;

import health.ordo.application.port.out.sla.CalendarFilePort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.sla.BusinessCalendar;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import net.fortuna.ical4j.validate.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes iCalendar files with ical4j.
 * <ul>
 *   <li>An all-day event ({@code DTSTART;VALUE=DATE}) is a holiday on every day it covers; without an end it covers
 *       its one day (RFC 5545, 3.6.1).</li>
 *   <li>A timed event is a closure. A time with a {@code TZID} is read in that zone, a UTC time as UTC, a floating
 *       time in the calendar's zone.</li>
 *   <li>Recurring events ({@code RRULE}, {@code RDATE}, {@code EXDATE}) are expanded over the window.</li>
 *   <li>Cancelled events and timed events marked free ({@code TRANSP:TRANSPARENT}) are skipped and reported.</li>
 *   <li>Rules that repeat more often than daily, and files that expand to more than {@value #MAX_OCCURRENCES}
 *       occurrences, are refused: a business calendar has no use for them, and they would cost a node its memory.</li>
 * </ul>
 */
@Singleton
public final class Ical4jCalendarFile implements CalendarFilePort {

    static final int MAX_OCCURRENCES = 20_000;
    private static final Set<Frequency> TOO_FREQUENT = EnumSet.of(Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY);
    private static final String PRODUCT = "-//Ordo//Business calendar//EN";

    @Override
    public Content read(byte[] file, Optional<ZoneId> zone, ZoneId fallback, LocalDate from, LocalDate to) {
        Calendar calendar = parse(file);
        ZoneId effective = zone.orElseGet(() -> declaredZone(calendar).orElse(fallback));
        Set<LocalDate> holidays = new TreeSet<>();
        List<BusinessCalendar.Closure> closures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        int occurrences = 0;
        FileTimeZones zones = new FileTimeZones(calendar);
        for (int n = 0; n < events.size(); n++) {
            VEvent event = events.get(n);
            String name = "VEVENT[" + n + "]";
            try {
                occurrences += readEvent(event, name, zones, effective, from, to, holidays, closures, skipped, occurrences);
            } catch (DateTimeException e) {
                throw new InvalidValueException(name + ".DTSTART", name + "'s date or time zone cannot be read: " + e.getMessage());
            }
        }
        return new Content(effective, holidays, closures, skipped);
    }

    /** Reads one event into the holidays or closures; returns the occurrences it added. */
    private static int readEvent(VEvent event, String name, FileTimeZones zones, ZoneId effective, LocalDate from, LocalDate to,
                                 Set<LocalDate> holidays, List<BusinessCalendar.Closure> closures, List<String> skipped, int before) {
        int occurrences = before;
        String label = name + describe(event);
        if (event.getProperty(Property.STATUS).map(Property::getValue).filter("CANCELLED"::equalsIgnoreCase).isPresent()) {
            skipped.add(label + ": cancelled");
            return 0;
        }
        Temporal start = event.getProperty(Property.DTSTART).map(p -> ((DateProperty<?>) p).getDate())
                .orElseThrow(() -> new InvalidValueException(name + ".DTSTART", name + " has no DTSTART"));
        Optional<RRule<?>> rule = event.getProperty(Property.RRULE).map(p -> (RRule<?>) p);
        if (rule.isPresent() && TOO_FREQUENT.contains(rule.get().getRecur().getFrequency())) {
            throw new InvalidValueException(name + ".RRULE", name + " repeats " + rule.get().getRecur().getFrequency()
                    .name().toLowerCase(Locale.ROOT) + "; a business calendar's holidays and closures repeat daily at most");
        }
        boolean allDay = start instanceof LocalDate;
        if (!allDay && event.getProperty(Property.TRANSP).map(Property::getValue).filter(Transp.VALUE_TRANSPARENT::equalsIgnoreCase)
                .isPresent()) {
            skipped.add(label + ": marked free time (TRANSP:TRANSPARENT)");
            return 0;
        }
        List<Period<Temporal>> periods = occurrences(event, name, start, effective, from, to);
        if (periods.isEmpty()) {
            skipped.add(label + ": no occurrence between " + from + " and " + to);
        }
        for (Period<Temporal> period : periods) {
            if (allDay) {
                LocalDate first = (LocalDate) period.getStart();
                LocalDate end = period.getEnd() instanceof LocalDate e && e.isAfter(first) ? e : first.plusDays(1);
                for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                    if (!day.isBefore(from) && day.isBefore(to)) {
                        holidays.add(day);
                        occurrences++;
                    }
                }
            } else {
                Instant closedFrom = instant(period.getStart(), tzid(event, Property.DTSTART), zones, effective, name + ".DTSTART");
                Instant closedTo = instant(period.getEnd(), tzid(event, Property.DTEND).or(() -> tzid(event, Property.DTSTART)), zones,
                        effective, name + ".DTEND");
                if (closedTo.isAfter(closedFrom)) {
                    closures.add(new BusinessCalendar.Closure(closedFrom, closedTo));
                    occurrences++;
                } else {
                    skipped.add(label + ": takes no time (" + period.getStart() + ")");
                }
            }
            if (occurrences > MAX_OCCURRENCES) {
                throw new InvalidValueException("body", "the file expands to more than " + MAX_OCCURRENCES
                        + " holidays and closures between " + from + " and " + to);
            }
        }
        return occurrences - before;
    }

    @Override
    public byte[] write(BusinessCalendar calendar) {
        Calendar file = new Calendar();
        file.add(new ProdId(PRODUCT));
        file.add(ImmutableVersion.VERSION_2_0);
        file.add(ImmutableCalScale.GREGORIAN);
        file.add(new XProperty("X-WR-CALNAME", calendar.id()));
        file.add(new XProperty("X-WR-TIMEZONE", calendar.zone().getId()));
        String domain = "@" + calendar.id() + "." + calendar.tenant().value() + ".ordo";
        for (LocalDate day : new TreeSet<>(calendar.holidays())) {
            VEvent holiday = new VEvent(day, day.plusDays(1), "Holiday");
            holiday.add(new Uid("holiday-" + day + domain));
            holiday.add(new Transp(Transp.VALUE_TRANSPARENT));
            file.add(holiday);
        }
        for (BusinessCalendar.Closure closure : calendar.closures()) {
            VEvent closed = new VEvent(closure.from().atOffset(ZoneOffset.UTC), closure.to().atOffset(ZoneOffset.UTC), "Closed");
            closed.add(new Uid("closure-" + closure.from().getEpochSecond() + "-" + closure.to().getEpochSecond() + domain));
            file.add(closed);
        }
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(file, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("an exported calendar failed iCalendar validation", e);
        }
    }

    private static Calendar parse(byte[] file) {
        try {
            return new CalendarBuilder().build(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8));
        } catch (ParserException e) {
            throw new InvalidValueException("body", "not an iCalendar file: line " + e.getLineNo() + ": " + reason(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DateTimeException e) {
            throw new InvalidValueException("body", "not a usable iCalendar file: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidValueException("body", "not a usable iCalendar file: " + e.getClass().getSimpleName());
        }
    }

    /** The parser's message without its own "Error at line N:" prefix. */
    private static String reason(ParserException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.startsWith("Error at line") ? message.indexOf(':') : -1;
        return colon >= 0 ? message.substring(colon + 1) : message;
    }

    /**
     * Non-standard but universal: Google, Apple and Outlook name a calendar's zone in {@code X-WR-TIMEZONE}. UTC says
     * nothing: Google's public holiday calendars declare it whatever country they are for, so a calendar made from one
     * takes the deployment's zone instead of working 09:00-17:00 in UTC.
     */
    private static Optional<ZoneId> declaredZone(Calendar calendar) {
        return calendar.getProperty("X-WR-TIMEZONE").map(Property::getValue).flatMap(id -> {
            try {
                ZoneId zone = ZoneId.of(id.trim());
                return zone.normalized().equals(ZoneOffset.UTC) ? Optional.<ZoneId>empty() : Optional.of(zone);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Period<Temporal>> occurrences(VEvent event, String name, Temporal start, ZoneId zone, LocalDate from, LocalDate to) {
        Period<?> window;
        if (start instanceof LocalDate) {
            // a day before: a multi-day holiday that started before the window still covers its first days
            window = new Period<>(from.minusDays(31), to);
        } else if (start instanceof ZonedDateTime zoned) {
            window = new Period<>(from.atStartOfDay(zoned.getZone()), to.atStartOfDay(zoned.getZone()));
        } else if (start instanceof LocalDateTime) {
            window = new Period<>(from.atStartOfDay(), to.atStartOfDay());
        } else if (start instanceof OffsetDateTime) {
            window = new Period<>(from.atStartOfDay(zone).toOffsetDateTime(), to.atStartOfDay(zone).toOffsetDateTime());
        } else {
            window = new Period<>(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
        }
        try {
            List<Period<Temporal>> periods = new ArrayList<>();
            for (Object period : event.calculateRecurrenceSet(window)) {
                periods.add((Period<Temporal>) period);
            }
            periods.sort((a, b) -> a.compareTo(b));
            return periods;
        } catch (RuntimeException e) {
            throw new InvalidValueException(name, name + "'s dates or recurrence cannot be read: " + e.getMessage());
        }
    }

    private static Optional<String> tzid(VEvent event, String property) {
        return event.getProperty(property).flatMap(p -> p.<Parameter>getParameter(Parameter.TZID)).map(Parameter::getValue);
    }

    private static Instant instant(Temporal time, Optional<String> tzid, FileTimeZones zones, ZoneId zone, String field) {
        if (time instanceof ZonedDateTime zoned) {
            return tzid.map(id -> zones.instant(zoned.toLocalDateTime(), id, field)).orElseGet(zoned::toInstant);
        } else if (time instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (time instanceof Instant instant) {
            return instant;
        } else if (time instanceof LocalDateTime local) {
            return local.atZone(zone).toInstant();
        } else if (time instanceof LocalDate day) {
            return day.atStartOfDay(zone).toInstant();
        }
        throw new InvalidValueException(field, field + " is not a date or a date-time");
    }

    private static String describe(VEvent event) {
        String summary = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("");
        String shortened = summary.length() > 60 ? summary.substring(0, 60) + "…" : summary;
        return shortened.isBlank() ? "" : " \"" + shortened.replaceAll("\\p{Cntrl}", " ") + "\"";
    }
}
