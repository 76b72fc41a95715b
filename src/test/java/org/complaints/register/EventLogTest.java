package org.complaints.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.complaints.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        H2Register.Filed filed = H2Register.withOneComplaint("events");
        jdbc = filed.jdbc();
        events = new EventLog(
                jdbc,
                new JdbcTemplate(filed.dataSource()),
                filed.clock(),
                new AuditLog(
                        jdbc, new JdbcTemplate(filed.dataSource()), new ObjectMapper(), filed.clock(), "test-key"));
        transaction = filed.transaction();
        nested = filed.nested();
        id = filed.complaintId();
    }

    @Test
    void aTransactionsEntriesArriveAtItsCommitAndItReadsThemMeanwhileInOrder() {
        transaction.executeWithoutResult(tx -> {
            events.append(id, "RULE_ASSESSMENT", "system", "Decision table: priority high", null);
            events.append(id, "STAGE", "system", "Stage: assessment", null);
            assertThat(rowsInTable()).as("kept until the commit").isZero();
            events.append(id, "ACKNOWLEDGED", "system", "Acknowledged by e-mail", "to ada@example.org");

            assertThat(events.list(id))
                    .extracting(ComplaintEvent::type)
                    .containsExactly("RULE_ASSESSMENT", "STAGE", "ACKNOWLEDGED");
            events.append(id, "MAIL_SENT", "system", "E-mail sent", null);
            assertThat(rowsInTable()).as("the list wrote the first three").isEqualTo(3);
        });
        assertThat(events.list(id))
                .extracting(ComplaintEvent::type)
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
                }))
                .hasMessage("the step fails");

        assertThat(events.list(id)).extracting(ComplaintEvent::type).containsExactly("MAIL_SENT");
        assertThat(auditActions()).isEqualTo(1);
    }

    @Test
    void outsideATransactionAnEntryIsWrittenAtOnce() {
        events.append(id, "STAGE", "system", "Stage: assessment", null);
        assertThat(rowsInTable()).isEqualTo(1);
    }

    @Test
    void anEntryKeepsTheTaskOrTemplateItComesFromInBatchAndAtOnce() {
        transaction.executeWithoutResult(tx -> {
            events.append(
                    id,
                    "TASK_COMPLETED",
                    "handler",
                    "Carry out remedy completed",
                    null,
                    EventOrigin.task("complaint-handling:2:42", "Task_CarryOutRemedy"));
            events.append(id, "STAGE", "system", "Stage: closed", null);
        });
        events.append(
                id,
                "MAIL_SENT",
                "system",
                "E-mail 'closure-notice' (en) sent",
                null,
                EventOrigin.mail("closure-notice"));
        assertThat(events.list(id))
                .extracting(ComplaintEvent::origin)
                .containsExactly(
                        EventOrigin.task("complaint-handling:2:42", "Task_CarryOutRemedy"),
                        EventOrigin.NONE,
                        EventOrigin.mail("closure-notice"));
    }

    private long rowsInTable() {
        return jdbc.sql("select count(*) from cmp_event where complaint_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long auditActions() {
        return jdbc.sql("select count(*) from cmp_audit where complaint_id = ? and action like 'complaint.%'")
                .param(id)
                .query(Long.class)
                .single();
    }
}
