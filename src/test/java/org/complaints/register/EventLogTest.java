package org.complaints.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.complaints.audit.AuditLog;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction's event log entries are written in one batch just before it commits: the transaction reads them
 * through the log all the same, in the order they were appended, and a transaction that rolls back leaves none
 * (nor their audit entries). The table is looked at with plain JDBC to see when the rows arrive.
 */
class EventLogTest {

    private JdbcClient jdbc;
    private EventLog events;
    private TransactionTemplate transaction;
    private TransactionTemplate nested;
    private long id;

    @BeforeEach
    void schema() {
        JdbcDataSource dataSource = H2Register.migrated("events");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("UTC"));
        events = new EventLog(jdbc, new JdbcTemplate(dataSource), clock,
                new AuditLog(jdbc, new JdbcTemplate(dataSource), new ObjectMapper(), clock, "test-key"));
        ComplaintRegister register = new ComplaintRegister(jdbc, new JdbcTemplate(dataSource), new ReferenceGenerator(jdbc, dataSource, clock,
                H2Register.AMSTERDAM, transactions));
        transaction = new TransactionTemplate(transactions);
        nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        id = transaction.execute(tx -> register.create(new NewComplaint("web", clock.instant(), null, "Ada",
                "ada@example.org", null, "en", "Parcel delivery", "The parcel never came.", null, null, null,
                "medium", "individual", "delivery", false)).id());
    }

    @Test
    void aTransactionsEntriesArriveAtItsCommitAndItReadsThemMeanwhileInOrder() {
        transaction.executeWithoutResult(tx -> {
            events.append(id, "RULE_ASSESSMENT", "system", "Decision table: priority high", null);
            events.append(id, "STAGE", "system", "Stage: assessment", null);
            assertThat(rowsInTable()).as("kept until the commit").isZero();
            events.append(id, "ACKNOWLEDGED", "system", "Acknowledged by e-mail", "to ada@example.org");

            assertThat(events.list(id)).extracting(ComplaintEvent::type)
                    .containsExactly("RULE_ASSESSMENT", "STAGE", "ACKNOWLEDGED");
            events.append(id, "MAIL_SENT", "system", "E-mail sent", null);
            assertThat(rowsInTable()).as("the list wrote the first three").isEqualTo(3);
        });
        assertThat(events.list(id)).extracting(ComplaintEvent::type)
                .containsExactly("RULE_ASSESSMENT", "STAGE", "ACKNOWLEDGED", "MAIL_SENT");
        assertThat(events.list(id).get(2).detail()).isEqualTo("to ada@example.org");
        assertThat(auditActions()).isEqualTo(4);
    }

    @Test
    void aTransactionThatRollsBackLeavesNoEntriesAndATransactionInsideItKeepsItsOwn() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            events.append(id, "STAGE", "system", "Stage: assessment", null);
            nested.executeWithoutResult(inner -> events.append(id, "MAIL_SENT", "system", "E-mail sent", null));
            events.append(id, "ACKNOWLEDGED", "system", "Acknowledged by e-mail", null);
            throw new IllegalStateException("the step fails");
        })).hasMessage("the step fails");

        assertThat(events.list(id)).extracting(ComplaintEvent::type).containsExactly("MAIL_SENT");
        assertThat(auditActions()).isEqualTo(1);
    }

    @Test
    void outsideATransactionAnEntryIsWrittenAtOnce() {
        events.append(id, "STAGE", "system", "Stage: assessment", null);
        assertThat(rowsInTable()).isEqualTo(1);
    }

    private long rowsInTable() {
        return jdbc.sql("select count(*) from cmp_event where complaint_id = ?").param(id).query(Long.class).single();
    }

    private long auditActions() {
        return jdbc.sql("select count(*) from cmp_audit where complaint_id = ? and action like 'complaint.%'")
                .param(id).query(Long.class).single();
    }
}
