package org.complaints.survey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Chooses, at closure, whether the complainant is asked about their satisfaction (ISO 10002 8.3) and records the
 * invitation; {@link SurveySender} sends it. Runs in the caller's transaction, so a closure that rolls back
 * leaves no invitation behind, and a closure that commits always has its invitation.
 */
@Service
public class SurveyInvitations {

    private final JdbcClient jdbc;
    private final ComplaintRegister register;
    private final SurveyProperties properties;

    public SurveyInvitations(JdbcClient jdbc, ComplaintRegister register, SurveyProperties properties) {
        this.jdbc = jdbc;
        this.register = register;
        this.properties = properties;
    }

    /**
     * Records the invitation of a complaint closed at {@code closedAt}, whatever the reason of closure (accepted,
     * rejected, withdrawn, out of scope): satisfaction with the handling matters most where the outcome was not
     * what the complainant wanted. Nothing is recorded when surveys are off, the complaint was not sampled, or
     * there is nobody to write to (anonymised, no e-mail address). Repeatable.
     *
     * @return whether an invitation was recorded now
     */
    public boolean inviteAfterClosure(Complaint complaint, Instant closedAt) {
        if (!properties.enabled()
                || !hasAddress(complaint)
                || !sampled(complaint.reference(), properties.share())
                || register.accessMarkings(complaint.id()).anonymised()) {
            return false;
        }
        return jdbc.sql("""
                insert into cmp_survey (complaint_id, language, invited_at, status, attempts, next_attempt_at)
                select c.id, c.language, ?, 'PENDING', 0, ? from cmp_complaint c
                where c.id = ? and not exists (select 1 from cmp_survey s where s.complaint_id = c.id)""")
                        .params(Jdbc.ts(closedAt), Jdbc.ts(closedAt.plus(properties.delay())), complaint.id())
                        .update()
                == 1;
    }

    /**
     * Whether the invitation can reach whom the complaint's messages go to, the way they prefer (an anonymised
     * complaint's data starts with '['): an e-mail address, a postal address for a letter, a phone number.
     */
    static boolean hasAddress(Complaint complaint) {
        Addressee to = complaint.addressee();
        String way = to.preferredContact() == null ? "email" : to.preferredContact();
        return switch (way) {
            case "post" -> reachable(to.postalAddress());
            case "phone" -> reachable(to.phone());
            default -> reachable(to.email()) && to.email().contains("@");
        };
    }

    private static boolean reachable(String value) {
        return value != null && !value.isBlank() && !value.startsWith("[");
    }

    /**
     * Whether the complaint with this reference is in the sample: a fixed point in [0, 1) drawn from the
     * reference's SHA-256, compared with {@code share}. A repeated closure step, or a second node, always comes
     * to the same answer; the references of a year spread evenly over the range.
     */
    static boolean sampled(String reference, double share) {
        if (share >= 1.0) {
            return true;
        }
        if (share <= 0.0) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("survey-sample:" + reference).getBytes(StandardCharsets.UTF_8));
            // the top 53 bits: exactly representable as a double in [0, 1)
            double point = (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
            return point < share;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
