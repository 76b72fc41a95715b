package org.complaints.register;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Supporting documents of a complaint (ISO 10002 7.2), kept with the register record. */
@Repository
public class AttachmentRegister {

    private final JdbcClient jdbc;

    public AttachmentRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredAttachment(
            long id, String fileName, String contentType, int sizeBytes, String sha256, Instant addedAt) {}

    public void add(long complaintId, String fileName, String contentType, byte[] content, Instant at) {
        jdbc.sql("""
                insert into cmp_attachment (complaint_id, file_name, content_type, size_bytes, sha256, content, added_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(complaintId, fileName, contentType, content.length, sha256(content), content, ts(at))
                .update();
    }

    /** A document a member of staff added (a scanned letter), with who added it; returns its id. */
    public long add(long complaintId, String fileName, String contentType, byte[] content, Instant at, String addedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cmp_attachment
                    (complaint_id, file_name, content_type, size_bytes, sha256, content, added_at, added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(complaintId, fileName, contentType, content.length, sha256(content), content, ts(at), addedBy)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public List<StoredAttachment> list(long complaintId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256, added_at from cmp_attachment
                where complaint_id = ? order by id""")
                .param(complaintId)
                .query((rs, n) -> new StoredAttachment(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getInt("size_bytes"),
                        rs.getString("sha256"),
                        instant(rs, "added_at")))
                .list();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
