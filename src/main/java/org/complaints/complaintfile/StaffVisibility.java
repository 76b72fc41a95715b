package org.complaints.complaintfile;

import java.util.Map;
import org.complaints.register.AccessMarkings;
import org.complaints.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The complaint file's visibility rules for other concerns' staff surfaces (the print queue of letters): who is
 * signed in and which complaints they may see, as a condition on {@code cmp_complaint c}. The rules are
 * {@link ComplaintVisibility}'s, so every surface agrees with the file, with one widening for posting: complaint
 * intake posts the letters of every complaint that is neither confidential (ISO 10002 4.10) nor names them (4.7),
 * not only of those they registered, since whoever posts needs the letter.
 */
@Component
public class StaffVisibility {

    private static final String NOT_CONFIDENTIAL_NOR_NAMING = "(c.confidential = false and (',' || coalesce("
            + "c.named_staff, '') || ',') not like :viewerNamed escape '!')";

    private final ComplaintVisibility visibility;
    private final JdbcClient jdbc;

    StaffVisibility(ComplaintVisibility visibility, JdbcClient jdbc) {
        this.visibility = visibility;
        this.jdbc = jdbc;
    }

    /** A condition on {@code cmp_complaint c} with its named parameters. */
    public record Condition(String sql, Map<String, Object> params) {}

    /** The signed-in member of staff: 401 without a sign-in, 403 for an account in no staff group. */
    public Viewer viewer() {
        return visibility.viewer();
    }

    /** The complaints whose letters the viewer may download and post. */
    public Condition forPosting(Viewer viewer) {
        ComplaintVisibility.Condition file = visibility.condition(viewer);
        if (!viewer.groups().contains(StaffGroups.INTAKE)) {
            return new Condition(file.sql(), file.params());
        }
        return new Condition("((" + file.sql() + ") or " + NOT_CONFIDENTIAL_NOR_NAMING + ")", file.params());
    }

    /** 403 for a complaint whose letters the viewer may not post, saying why as the file does. */
    public void requireForPosting(Viewer viewer, AccessMarkings markings) {
        Condition condition = forPosting(viewer);
        boolean visible =
                jdbc.sql("select count(*) from cmp_complaint c where c.id = :complaintId and " + condition.sql())
                                .params(condition.params())
                                .param("complaintId", markings.complaintId())
                                .query(Long.class)
                                .single()
                        > 0;
        if (!visible) {
            visibility.require(viewer, markings);
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Complaint " + markings.reference() + " is not one you work on.");
        }
    }
}
