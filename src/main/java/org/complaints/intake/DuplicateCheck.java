package org.complaints.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.complaints.register.Complaint;
import org.complaints.register.Jdbc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Likely duplicates of a complaint: an earlier one from the same e-mail address or phone number, received within
 * the window (complaints.intake.duplicate-window), about a similar product or service. A caller who phones twice
 * about one problem gets one complaint, not two handlers working against each other; the check only warns, the
 * people decide (the complaint file links duplicates).
 */
@Component
public class DuplicateCheck {

    /** Earlier complaints looked at per check: the address and the phone are indexed, the window bounds them. */
    private static final int CANDIDATES = 50;

    /** Words that say nothing about what the complaint is about. */
    private static final Set<String> FILLERS = Set.of("service", "services", "product", "products", "the", "and");

    private final JdbcClient jdbc;
    private final Duration window;
    private final Clock clock;

    public DuplicateCheck(
            JdbcClient jdbc, @Value("${complaints.intake.duplicate-window:P30D}") Duration window, Clock clock) {
        this.jdbc = jdbc;
        this.window = window;
        this.clock = clock;
    }

    /** An earlier complaint that may be the same one. */
    public record PossibleDuplicate(String reference, Instant receivedAt, String productOrService, String sameAs) {}

    /** The complaints received before {@code complaint} within the window that are likely the same one, newest first. */
    public List<PossibleDuplicate> of(Complaint complaint) {
        String email = complaint.complainantEmail();
        String phone = complaint.complainantPhone();
        Instant received = complaint.receivedAt() == null ? clock.instant() : complaint.receivedAt();
        boolean byPhone = phone != null && !phone.isBlank();
        List<Object> params = new ArrayList<>(List.of(
                complaint.id(),
                Jdbc.ts(received.minus(window)),
                Jdbc.ts(received),
                email == null ? "" : email,
                email == null ? "" : email.toLowerCase(Locale.ROOT)));
        if (byPhone) {
            params.add(phone);
        }
        params.add(CANDIDATES);
        List<Object[]> rows = jdbc.sql("select reference, received_at, product_or_service, complainant_email,"
                        + " complainant_phone from cmp_complaint where id <> ? and received_at >= ? and received_at <= ?"
                        + " and (complainant_email in (?, ?)" + (byPhone ? " or complainant_phone = ?" : "") + ")"
                        + " order by received_at desc fetch first ? rows only")
                .params(params)
                .query((rs, n) -> new Object[] {
                    rs.getString("reference"),
                    Jdbc.instant(rs, "received_at"),
                    rs.getString("product_or_service"),
                    rs.getString("complainant_email"),
                    rs.getString("complainant_phone")
                })
                .list();
        List<PossibleDuplicate> found = new ArrayList<>();
        for (Object[] row : rows) {
            if (similar(complaint.productOrService(), (String) row[2])) {
                boolean sameEmail = email != null && email.equalsIgnoreCase((String) row[3]);
                found.add(new PossibleDuplicate(
                        (String) row[0], (Instant) row[1], (String) row[2], sameEmail ? "email" : "phone"));
            }
        }
        return found;
    }

    /**
     * Similar products or services: the same words, or one name within the other, or a common word of four letters
     * or more that is not a filler ("Central heating service" and "central heating" are; "Broadband" and "Energy
     * contract" are not). Staff type product names freely, so exact equality would miss most repeats.
     */
    static boolean similar(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        Set<String> words = words(x);
        words.retainAll(words(y));
        return !words.isEmpty();
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static Set<String> words(String normalised) {
        Set<String> words = new HashSet<>(Arrays.asList(normalised.split(" ")));
        words.removeIf(word -> word.length() < 4 || FILLERS.contains(word));
        return words;
    }
}
