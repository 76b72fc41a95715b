package org.complaints.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register answers a complaint it has read in the running transaction from memory, and forgets it as soon as
 * the register writes it, the transaction ends, or a transaction started inside it may have changed it. The row
 * is changed behind the register's back (plain JDBC, in the same transaction) to see which answer came from where.
 */
class ComplaintRegisterReadsTest {

    private JdbcClient jdbc;
    private ComplaintRegister register;
    private TransactionTemplate transaction;
    private TransactionTemplate nested;
    private long id;

    @BeforeEach
    void schema() {
        JdbcDataSource dataSource = H2Register.migrated("reads");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("UTC"));
        register = new ComplaintRegister(jdbc, new ReferenceGenerator(jdbc, dataSource, clock, H2Register.AMSTERDAM,
                transactions));
        transaction = new TransactionTemplate(transactions);
        nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        id = transaction.execute(tx -> register.create(new NewComplaint("web", clock.instant(), null, "Ada",
                "ada@example.org", null, "en", "Parcel delivery", "The parcel never came.", null, null, null,
                "medium", "individual", "delivery", false)).id());
    }

    @Test
    void aComplaintReadInATransactionIsAnsweredFromMemoryUntilTheRegisterWritesIt() {
        transaction.executeWithoutResult(tx -> {
            assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.RECEIVED);
            assertThat(register.accessMarkings(id).confidential()).isFalse();
            changeBehindTheRegister();
            assertThat(register.get(id).stage()).as("read before, in this transaction").isEqualTo(ComplaintStage.RECEIVED);
            assertThat(register.accessMarkings(id).confidential()).isFalse();

            register.recordRelated(id, 3);
            assertThat(register.get(id).stage()).as("after the register's own write").isEqualTo(ComplaintStage.ASSESSMENT);
            assertThat(register.get(id).relatedCount()).isEqualTo(3);
            assertThat(register.accessMarkings(id).confidential()).isTrue();
        });
    }

    @Test
    void nothingIsKeptOutsideATransactionOrAfterOneEnds() {
        transaction.executeWithoutResult(tx -> register.get(id));
        changeBehindTheRegister();
        assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.ASSESSMENT);
        jdbc.sql("update cmp_complaint set stage = 'INVESTIGATION' where id = ?").param(id).update();
        assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.INVESTIGATION);
        assertThat((ComplaintStage) transaction.execute(tx -> register.get(id).stage())).isEqualTo(ComplaintStage.INVESTIGATION);
    }

    @Test
    void aTransactionStartedInsideReadsForItselfAndWhatItChangedIsReadAgainAfterwards() {
        transaction.executeWithoutResult(tx -> {
            assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.RECEIVED);
            nested.executeWithoutResult(inner -> {
                assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.RECEIVED);
                register.setStage(id, ComplaintStage.ASSESSMENT);
                assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.ASSESSMENT);
            });
            assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.ASSESSMENT);
        });
    }

    @Test
    void whatARolledBackTransactionReadAfterItsWriteIsGoneWithIt() {
        transaction.executeWithoutResult(tx -> {
            register.setStage(id, ComplaintStage.ASSESSMENT);
            assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.ASSESSMENT);
            tx.setRollbackOnly();
        });
        assertThat((ComplaintStage) transaction.execute(tx -> register.get(id).stage())).isEqualTo(ComplaintStage.RECEIVED);
    }

    private void changeBehindTheRegister() {
        jdbc.sql("update cmp_complaint set stage = 'ASSESSMENT', confidential = true where id = ?").param(id).update();
    }
}
