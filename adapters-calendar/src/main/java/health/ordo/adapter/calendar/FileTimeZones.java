package health.ordo.adapter.calendar;

import health.ordo.domain.shared.InvalidValueException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzOffsetTo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a file's local times ({@code DTSTART;TZID=...}) are on the time line.
 * <ul>
 *   <li>A TZID that names an IANA zone ({@code America/Chicago}) is read with the JDK's rules, which are kept current,
 *       whatever copy of them the file carries.</li>
 *   <li>Any other TZID (Outlook's {@code Central Standard Time}) is read with the file's own {@code VTIMEZONE}: the
 *       observance (standard or daylight time) whose latest onset is at or before the local time gives the offset.
 *       The onsets are expanded from each observance's {@code RRULE} with ical4j's recurrence rules. ical4j's own
 *       zone built from such a {@code VTIMEZONE} puts the 2027 change to daylight time a week early (measured with
 *       4.1.1), which is why the offset is not taken from it.</li>
 * </ul>
 */
final class FileTimeZones {

    private final Map<String, VTimeZone> defined = new HashMap<>();

    FileTimeZones(Calendar calendar) {
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        for (VTimeZone zone : zones) {
            zone.getProperty(Property.TZID).map(Property::getValue).ifPresent(id -> defined.put(id, zone));
        }
    }

    /** The instant of a local date-time in the zone the file calls {@code tzid}. */
    Instant instant(LocalDateTime local, String tzid, String field) {
        ZoneId iana = iana(tzid);
        if (iana != null) {
            return local.atZone(iana).toInstant();
        }
        VTimeZone zone = defined.get(tzid);
        if (zone == null) {
            throw new InvalidValueException(field, field + " is in an unknown time zone '" + tzid + "' (neither an IANA zone nor a "
                    + "VTIMEZONE of the file)");
        }
        return local.toInstant(offset(zone, local, tzid, field));
    }

    private static ZoneId iana(String tzid) {
        try {
            return tzid.contains("/") || "UTC".equals(tzid) ? ZoneId.of(tzid.trim()) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static ZoneOffset offset(VTimeZone zone, LocalDateTime local, String tzid, String field) {
        LocalDateTime latest = null;
        ZoneOffset offset = null;
        for (Observance observance : zone.getObservances()) {
            Temporal start = observance.getProperty(Property.DTSTART).map(p -> ((DateProperty<?>) p).getDate()).orElse(null);
            ZoneOffset to = observance.getProperty(Property.TZOFFSETTO).map(p -> ((TzOffsetTo) p).getOffset()).orElse(null);
            if (!(start instanceof LocalDateTime seed) || to == null || seed.isAfter(local)) {
                continue;
            }
            LocalDateTime onset = seed;
            RRule<?> rule = observance.getProperty(Property.RRULE).map(p -> (RRule<?>) p).orElse(null);
            if (rule != null) {
                List<LocalDateTime> onsets = ((Recur<LocalDateTime>) rule.getRecur()).getDates(seed, local.minusYears(2), local.plusSeconds(1));
                for (LocalDateTime candidate : onsets) {
                    if (!candidate.isAfter(local) && candidate.isAfter(onset)) {
                        onset = candidate;
                    }
                }
            }
            if (latest == null || onset.isAfter(latest)) {
                latest = onset;
                offset = to;
            }
        }
        if (offset == null) {
            throw new InvalidValueException(field, "the VTIMEZONE '" + tzid + "' has no observance in force at " + local);
        }
        return offset;
    }
}
