package org.complaints.analysis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Times on staff pages in the organisation's zone (complaints.deadlines.zone), the zone the complainant's e-mails
 * and status page use, so staff and complainant read the same clock time; the page names the zone.
 */
public record LocalTimes(ZoneId zone) {

    /** The moment in the zone; a date or an unknown value as it is. */
    public Object at(Object moment) {
        if (moment instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (moment instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        return moment;
    }

    /** The zone's name as staff read it, e.g. "Europe/Amsterdam". */
    public String name() {
        return zone.getId();
    }
}
