package org.complaints.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.complaints.DatabaseSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Related complaints of a popular product: the newest are shown, the database returns no more than that. On the
 * database slice: the finder and the register on an in-memory database with the application's schema, no engine.
 */
@DatabaseSlice
class RelatedComplaintFinderTest {

    @Autowired
    RelatedComplaintFinder finder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void manyComplaintsAboutOneProductShowTheNewestTwentyAndSaySoThereAreMore() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String product = "Related probe " + System.nanoTime();
        for (int i = 0; i < 60; i++) {
            insert(
                    "CMP-2099-R" + String.format("%05d", i),
                    "someone" + i + "@example.org",
                    product.toUpperCase(),
                    now.minus(i + 1, ChronoUnit.HOURS));
        }
        long complaint = insert("CMP-2099-R99999", "new@example.org", product, now);

        RelatedComplaintFinder.RelatedComplaints related = finder.find(complaint);

        assertThat(related.count()).isEqualTo(21);
        assertThat(related.sameProduct()).isEqualTo(21);
        assertThat(related.sameComplainant()).isZero();
        // newest first: the last hour's complaint leads, the 21st newest is not listed
        assertThat(related.summary())
                .startsWith("- CMP-2099-R00000 (same product or service")
                .contains("CMP-2099-R00019")
                .doesNotContain("CMP-2099-R00020")
                .endsWith("- and more\n");
    }

    private long insert(String reference, String email, String product, Instant received) {
        jdbc.update("""
                insert into cmp_complaint (reference, stage, channel, received_at, complainant_name, complainant_email,
                    language, product_or_service, description)
                values (?, 'INVESTIGATION', 'web', ?, 'Probe', ?, 'en', ?, 'Related complaints probe')""", reference, received.atOffset(ZoneOffset.UTC), email, product);
        return jdbc.queryForObject("select id from cmp_complaint where reference = ?", Long.class, reference);
    }
}
