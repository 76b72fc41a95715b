package org.complaints.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        H2Register.Filed filed = H2Register.withOneComplaint("reads");
        jdbc = filed.jdbc();
        register = filed.register();
        transaction = filed.transaction();
        nested = filed.nested();
        id = filed.complaintId();
    }

    @Test
    void aNewComplaintComesBackFromItsInsertAsTheRegisterReadsItAndIsAnsweredFromMemoryAfterwards() {
        Complaint created = transaction.execute(tx -> {
            Complaint complaint = register.create(new NewComplaint(
                    "phone",
                    Instant.parse("2026-03-02T09:30:00Z"),
                    "intake",
                    "Bo",
                    "bo@example.org",
                    "+31 20 555 0100",
                    "nl",
                    "Refund",
                    "Geld niet terug.",
                    LocalDate.of(2026, 2, 27),
                    "Refund",
                    "Called twice",
                    "high",
                    "group",
                    "billing",
                    true));
            jdbc.sql("update cmp_complaint set stage = 'ASSESSMENT', confidential = true where id = ?")
                    .param(complaint.id())
                    .update();
            assertThat(register.get(complaint.id())).as("from memory").isSameAs(complaint);
            assertThat(register.accessMarkings(complaint.id()).confidential())
                    .as("from memory")
                    .isFalse();
            assertThat(register.accessMarkings(complaint.id()).reference()).isEqualTo(complaint.reference());
            return complaint;
        });
        Complaint read = register.get(created.id());
        assertThat(created)
                .isEqualTo(new Complaint(
                        read.id(),
                        read.reference(),
                        ComplaintStage.RECEIVED,
                        read.receipt(),
                        read.contact(),
                        read.subject(),
                        read.classification(),
                        read.handling(),
                        read.resolution(),
                        read.closure(),
                        read.processInstanceId(),
                        read.trackingToken()));
        assertThat(created.receivedAt()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));
        assertThat(created.incidentDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(created.trackingToken()).hasSize(43);
        assertThat(created.reviewRound()).isZero();
        assertThat(created.safetyRelevant()).isTrue();
    }

    @Test
    void aComplaintReadInATransactionIsAnsweredFromMemoryUntilTheRegisterWritesIt() {
        transaction.executeWithoutResult(tx -> {
            assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.RECEIVED);
            assertThat(register.accessMarkings(id).confidential()).isFalse();
            changeBehindTheRegister();
            assertThat(register.get(id).stage())
                    .as("read before, in this transaction")
                    .isEqualTo(ComplaintStage.RECEIVED);
            assertThat(register.accessMarkings(id).confidential()).isFalse();

            register.recordRelated(id, 3);
            assertThat(register.accessMarkings(id).confidential())
                    .as("a write that leaves the markings")
                    .isFalse();
            register.setLegalHold(id, true, "Court case 12/2026");
            assertThat(register.accessMarkings(id).confidential())
                    .as("after a write of the markings")
                    .isTrue();
            assertThat(register.accessMarkings(id).legalHold()).isTrue();
            assertThat(register.get(id).stage())
                    .as("after the register's own write")
                    .isEqualTo(ComplaintStage.ASSESSMENT);
            assertThat(register.get(id).relatedCount()).isEqualTo(3);
        });
    }

    @Test
    void aComplaintsRowGivesItsMarkingsAndTheRuleAssessmentChangesOnlyItsOwnColumnsInMemory() {
        Instant deadline = Instant.parse("2026-03-16T16:00:00Z");
        transaction.executeWithoutResult(tx -> {
            register.get(id);
            changeBehindTheRegister();
            assertThat(register.accessMarkings(id).confidential())
                    .as("read with the complaint")
                    .isFalse();

            register.recordRuleAssessment(id, "high", "complaints-handlers", 10, deadline);
            Complaint assessed = register.get(id);
            assertThat(assessed.stage()).as("the rest from memory").isEqualTo(ComplaintStage.RECEIVED);
            assertThat(assessed.priority()).isEqualTo("high");
            assertThat(assessed.handlingGroup()).isEqualTo("complaints-handlers");
            assertThat(assessed.responseDays()).isEqualTo(10);
            assertThat(assessed.responseDeadline()).isEqualTo(deadline);
        });
        Complaint stored = register.get(id);
        assertThat(stored.priority()).isEqualTo("high");
        assertThat(stored.handlingGroup()).isEqualTo("complaints-handlers");
        assertThat(stored.responseDays()).isEqualTo(10);
        assertThat(stored.responseDeadline()).isEqualTo(deadline);
    }

    @Test
    void linkingTheProcessChangesOnlyTheLinkInWhatTheTransactionRead() {
        transaction.executeWithoutResult(tx -> {
            register.get(id);
            register.accessMarkings(id);
            changeBehindTheRegister();
            register.linkProcessInstance(id, "instance-1");
            assertThat(register.get(id).processInstanceId()).isEqualTo("instance-1");
            assertThat(register.get(id).stage()).as("the rest from memory").isEqualTo(ComplaintStage.RECEIVED);
            assertThat(register.accessMarkings(id).processInstanceId()).isEqualTo("instance-1");
            assertThat(register.accessMarkings(id).confidential())
                    .as("the rest from memory")
                    .isFalse();
        });
        assertThat(register.get(id).processInstanceId()).isEqualTo("instance-1");
        assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.ASSESSMENT);
    }

    @Test
    void nothingIsKeptOutsideATransactionOrAfterOneEnds() {
        transaction.executeWithoutResult(tx -> register.get(id));
        changeBehindTheRegister();
        assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.ASSESSMENT);
        jdbc.sql("update cmp_complaint set stage = 'INVESTIGATION' where id = ?")
                .param(id)
                .update();
        assertThat(register.get(id).stage()).isEqualTo(ComplaintStage.INVESTIGATION);
        assertThat((ComplaintStage) transaction.execute(tx -> register.get(id).stage()))
                .isEqualTo(ComplaintStage.INVESTIGATION);
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
        assertThat((ComplaintStage) transaction.execute(tx -> register.get(id).stage()))
                .isEqualTo(ComplaintStage.RECEIVED);
    }

    private void changeBehindTheRegister() {
        jdbc.sql("update cmp_complaint set stage = 'ASSESSMENT', confidential = true where id = ?")
                .param(id)
                .update();
    }
}
