package org.complaints.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mails sent about each complaint, at most one per (complaint, dedup key) (ISO 10002 7.4, 7.8 copy kept). */
@Repository
public class MailLog {

    private final JdbcClient jdbc;

    public MailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public java.util.Optional<Instant> sentAt(long complaintId, String dedupKey) {
        return jdbc.sql("select sent_at from cmp_mail where complaint_id = ? and dedup_key = ?")
                .params(complaintId, dedupKey)
                .query(java.time.OffsetDateTime.class)
                .optional()
                .map(java.time.OffsetDateTime::toInstant);
    }

    public void record(
            long complaintId,
            String dedupKey,
            String template,
            String language,
            String recipients,
            String subject,
            String body,
            String messageId,
            Instant sentAt) {
        jdbc.sql("""
                insert into cmp_mail (complaint_id, dedup_key, template, language, recipients, subject, body,
                    message_id, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        complaintId,
                        dedupKey,
                        template,
                        language,
                        recipients,
                        subject,
                        body,
                        messageId,
                        sentAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<SentMail> list(long complaintId) {
        return jdbc.sql("select * from cmp_mail where complaint_id = ? order by sent_at, id")
                .param(complaintId)
                .query((rs, n) -> new SentMail(
                        rs.getString("dedup_key"),
                        rs.getString("template"),
                        rs.getString("language"),
                        rs.getString("recipients"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("message_id"),
                        rs.getObject("sent_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    public record SentMail(
            String dedupKey,
            String template,
            String language,
            String recipients,
            String subject,
            String body,
            String messageId,
            Instant sentAt) {}
}
