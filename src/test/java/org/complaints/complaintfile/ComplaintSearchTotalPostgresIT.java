package org.complaints.complaintfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The staff search's total on PostgreSQL: counted exactly up to {@link ComplaintSearch#TOTAL_CAP}, past it capped
 * and said so ({@code totalCapped}), while the page still brings the newest matches and the visibility rules
 * (named staff, the engine's grants) stay exact; a whole reference and the start of one are answered from an
 * index of the reference, never a scan of the register.
 */
class ComplaintSearchTotalPostgresIT extends PostgresApplicationTestSupport {

    /** More than the cap also for "manager", who is named on every seventh and so sees six in seven. */
    private static final int SEEDED = ComplaintSearch.TOTAL_CAP + 250;

    @Autowired
    DataSource dataSource;

    private String word;
    private int year;

    /** More complaints than the cap, all with one word no other test uses, under references of a year of their own (before 1980). */
    @BeforeEach
    void seed() {
        word = "capword" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // below 1980: ComplaintFilePostgresIT and StaffSearchAndUploadBrowserIT use 1999 and 1980
        year = jdbc.sql("select coalesce(min(cast(substring(reference, 5, 4) as int)), 1980) - 1 from cmp_complaint"
                        + " where reference like 'CMP-19%' and reference < 'CMP-1980'")
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into cmp_complaint (reference, stage, channel, received_at, complainant_name,
                            complainant_email, complainant_phone, language, product_or_service, description, priority,
                            handling_group, response_deadline, closed_at, named_staff)
                        select 'CMP-' || ? || '-' || lpad(n::text, 6, '0'), 'CLOSED', 'web',
                            timestamp with time zone '2019-01-01 00:00+00' + (n || ' minutes')::interval,
                            'Capped Person' || n, 'capped' || n || '@example.org', null, 'en', 'Product',
                            'The courier lost the parcel ' || ? || ' and nobody answered the phone.',
                            case n % 3 when 0 then 'high' when 1 then 'normal' else 'low' end,
                            'complaint-handlers',
                            timestamp with time zone '2019-02-01 00:00+00' + (n || ' minutes')::interval,
                            timestamp with time zone '2019-01-20 00:00+00' + (n || ' minutes')::interval,
                            case when n % 7 = 0 then 'manager' end
                        from generate_series(1, ?) n""").params(year, word, SEEDED).update();
        jdbc.sql("analyze cmp_complaint").update();
    }

    private JsonNode search(String user, String query) {
        Reply reply = appCall(user, HttpMethod.GET, "/api/staff/complaints?" + query, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> references(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.path("items").forEach(item -> found.add(item.path("reference").asText()));
        return found;
    }

    private String reference(int n) {
        return String.format("CMP-%d-%06d", year, n);
    }

    @Test
    void aWordInMoreComplaintsThanTheCapGivesACappedTotalAndTheNewestFirst() {
        JsonNode page = search("demo", "q=" + word);
        assertThat(page.path("total").asLong()).isEqualTo(ComplaintSearch.TOTAL_CAP);
        assertThat(page.path("totalCapped").asBoolean()).isTrue();
        // the newest complaints first, without those that name the searcher (every seventh is named "manager")
        assertThat(references(page)).hasSize(20).first().isEqualTo(reference(SEEDED));

        // a complaint manager named on every seventh complaint: still more than the cap, and never a named one
        JsonNode manager = search("manager", "q=" + word + "&size=100");
        assertThat(manager.path("totalCapped").asBoolean()).isTrue();
        assertThat(references(manager))
                .hasSize(100)
                .doesNotContain(reference(SEEDED - SEEDED % 7))
                .noneMatch(r -> Integer.parseInt(r.substring(9)) % 7 == 0);

        // past the counted matches a later page is still served
        JsonNode later = search("demo", "q=" + word + "&size=100&page=12");
        assertThat(references(later)).hasSize(SEEDED - 1200);
        assertThat(later.path("totalCapped").asBoolean()).isTrue();
    }

    @Test
    void underTheCapTheTotalIsExactAndNotCapped() {
        long high = jdbc.sql("select count(*) from cmp_complaint where description like ? and priority = 'high'"
                        + " and (named_staff is null or named_staff <> 'manager')")
                .param("%" + word + "%")
                .query(Long.class)
                .single();
        JsonNode page = search("manager", "q=" + word + "&priority=high");
        assertThat(page.path("total").asLong()).isEqualTo(high).isLessThan(ComplaintSearch.TOTAL_CAP);
        assertThat(page.path("totalCapped").asBoolean()).isFalse();

        // a handler has no grant on any of them: nothing, exactly, not a capped guess
        JsonNode handler = search("handler", "q=" + word);
        assertThat(handler.path("total").asLong()).isZero();
        assertThat(handler.path("totalCapped").asBoolean()).isFalse();
        assertThat(references(handler)).isEmpty();
    }

    @Test
    void aReferenceAndTheStartOfOneAreFoundThroughTheReferenceIndex() throws Exception {
        JsonNode whole = search("demo", "q=" + reference(42).toLowerCase());
        assertThat(references(whole)).containsExactly(reference(42));
        assertThat(whole.path("totalCapped").asBoolean()).isFalse();

        String start = reference(420).substring(0, reference(420).length() - 1); // CMP-yyyy-00042
        JsonNode started = search("demo", "q=" + start + "&size=100&sort=reference");
        assertThat(started.path("total").asLong()).isEqualTo(10);
        assertThat(references(started)).allMatch(r -> r.startsWith(start)).hasSize(10);

        // the plans PostgreSQL makes for the two lookups read an index of the reference, never the whole table
        // (with sequential scans priced out, as on a register of a million complaints)
        assertThat(plan("select c.id from cmp_complaint c where c.reference = '" + reference(42) + "'"))
                .containsPattern("Index (Only )?Scan using cmp_complaint_reference_(key|prefix_idx)")
                .doesNotContain("Seq Scan");
        assertThat(plan("select c.id from cmp_complaint c where c.reference like '" + start + "%'"))
                .contains("cmp_complaint_reference_prefix_idx")
                .doesNotContain("Seq Scan");
    }

    private String plan(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("explain " + sql)) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                statement.execute("reset enable_seqscan");
            }
        }
    }
}
