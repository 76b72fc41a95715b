package org.complaints.tracking;

import static org.complaints.register.Jdbc.instant;

import java.util.Optional;
import org.complaints.register.Complaint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The complainant's own complaint for their status page. Only for a complaint already opened with its tracking
 * token ({@link ComplaintStatusService#open}); files staff added to the complaint file ({@code added_by} set)
 * are theirs, not the complainant's, and are neither listed nor served here.
 */
@Service
public class OwnComplaints {

    private final JdbcClient jdbc;

    public OwnComplaints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OwnComplaint of(Complaint complaint) {
        return new OwnComplaint(
                complaint.productOrService(),
                complaint.description(),
                complaint.incidentDate(),
                complaint.remedySought(),
                jdbc.sql("""
                                select id, file_name, size_bytes, added_at from cmp_attachment
                                where complaint_id = ? and added_by is null order by id""")
                        .param(complaint.id())
                        .query((rs, n) -> new OwnComplaint.File(
                                rs.getLong("id"),
                                rs.getString("file_name"),
                                rs.getLong("size_bytes"),
                                instant(rs, "added_at")))
                        .list(),
                jdbc.sql("""
                                select added_at, content from cmp_added_information
                                where complaint_id = ? order by id""")
                        .param(complaint.id())
                        .query((rs, n) -> new OwnComplaint.Added(instant(rs, "added_at"), rs.getString("content")))
                        .list());
    }

    /** One of the complainant's own files of this complaint, or empty (another complaint's, or staff's). */
    public Optional<OwnComplaint.Content> attachment(Complaint complaint, long id) {
        return jdbc.sql("""
                        select file_name, content_type, content from cmp_attachment
                        where id = ? and complaint_id = ? and added_by is null""")
                .params(id, complaint.id())
                .query((rs, n) -> new OwnComplaint.Content(
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }
}
