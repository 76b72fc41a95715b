package org.complaints.complaintfile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The duplicates a complaint's file shows (ISO 10002 7.3): the complaints linked as duplicates of it, with what the
 * complainant told and sent there, and the complaint it duplicates; each only as far as the viewer may see it. And
 * the earlier process instances of a reopened complaint, whose tasks belong to its timeline.
 */
@Component
class DuplicatesOnFile {

    private static final int SHOWN = 20;

    private final JdbcClient jdbc;
    private final ComplaintVisibility visibility;

    DuplicatesOnFile(JdbcClient jdbc, ComplaintVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    /** The process instances that handled a reopened complaint before its current one, oldest first. */
    List<String> earlierProcessInstances(long complaintId) {
        return jdbc.sql("select previous_process_instance_id from cmp_reopening where complaint_id = ?"
                        + " and previous_process_instance_id is not null order by id")
                .param(complaintId)
                .query(String.class)
                .list();
    }

    /** The reference of the complaint {@code complaintId} duplicates, if any and the viewer may see it. */
    String duplicateOf(Viewer viewer, long complaintId) {
        ComplaintVisibility.Condition condition = visibility.condition(viewer);
        return jdbc.sql("select c.reference from cmp_complaint c where c.id = (select d.duplicate_of from"
                        + " cmp_complaint d where d.id = :complaintId) and " + condition.sql())
                .params(condition.params())
                .param("complaintId", complaintId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The duplicates of {@code complaintId} the viewer may see, oldest first. */
    List<ComplaintFile.Duplicate> of(Viewer viewer, long complaintId) {
        ComplaintVisibility.Condition condition = visibility.condition(viewer);
        record Row(long id, ComplaintFile.Duplicate duplicate) {}
        List<Row> rows = jdbc.sql("select c.id, c.reference, c.received_at, c.channel, c.description from"
                        + " cmp_complaint c where c.duplicate_of = :complaintId and " + condition.sql()
                        + " order by c.received_at fetch first " + SHOWN + " rows only")
                .params(condition.params())
                .param("complaintId", complaintId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        new ComplaintFile.Duplicate(
                                rs.getString("reference"),
                                rs.getObject("received_at", OffsetDateTime.class)
                                        .toInstant(),
                                rs.getString("channel"),
                                rs.getString("description"),
                                new ArrayList<>(),
                                new ArrayList<>())))
                .list();
        for (Row row : rows) {
            jdbc.sql("select added_at, channel, content from cmp_added_information where complaint_id = ? order by id")
                    .param(row.id())
                    .query((rs, n) -> new ComplaintFile.AddedInformation(
                            rs.getObject("added_at", OffsetDateTime.class).toInstant(),
                            rs.getString("channel"),
                            rs.getString("content")))
                    .list()
                    .forEach(row.duplicate().addedInformation()::add);
            jdbc.sql("""
                            select id, file_name, content_type, size_bytes, added_by, added_at from cmp_attachment
                            where complaint_id = ? order by id""")
                    .param(row.id())
                    .query((rs, n) -> new ComplaintFile.AttachmentInfo(
                            rs.getLong("id"),
                            rs.getString("file_name"),
                            rs.getString("content_type"),
                            rs.getInt("size_bytes"),
                            rs.getString("added_by"),
                            rs.getObject("added_at", OffsetDateTime.class).toInstant()))
                    .list()
                    .forEach(row.duplicate().attachments()::add);
        }
        return rows.stream().map(Row::duplicate).toList();
    }
}
