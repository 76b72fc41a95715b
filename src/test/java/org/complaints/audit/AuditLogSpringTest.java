package org.complaints.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.complaints.engine.audit.AuditHistoryEventHandler;
import org.complaints.security.StaffGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on the embedded engine's database: rows chained after the fact, tampering and deletion named,
 * payloads erasable without breaking the chain, engine events mapped. Each test leaves the chain intact.
 */
// the scheduled sealer runs once at start-up only: the tests seal when they mean to
@SpringBootTest(properties = "complaints.audit.seal-interval=PT1H")
@ActiveProfiles("test")
class AuditLogSpringTest {

    private static final AtomicLong COMPLAINT = new AtomicLong(910_000);

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngine engine;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;

    @BeforeEach
    void templates() {
        transactions = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    private long appendThree() {
        long complaint = COMPLAINT.incrementAndGet();
        audit.append(
                complaint, null, "intake", "complaint.RECEIVED", null, null, Map.of("summary", "Received by phone"));
        audit.append(
                complaint,
                null,
                "handler",
                "complaint.ASSESSED",
                "severity",
                Map.of("severity", "low"),
                Map.of("severity", "high"));
        audit.append(complaint, null, null, "complaint.ACKNOWLEDGED", null, null, null);
        return complaint;
    }

    private List<Map<String, Object>> rows(long complaint) {
        return jdbc.sql("select * from cmp_audit where complaint_id = ? order by id")
                .param(complaint)
                .query()
                .listOfRows();
    }

    @Test
    void withinATransactionRowsAreWrittenInOneBatchAtCommitAndReadBackBeforeIt() {
        long complaint = COMPLAINT.incrementAndGet();
        transactions.executeWithoutResult(tx -> {
            audit.append(complaint, null, "handler", "complaint.ASSESSED", null, null, Map.of("n", 1));
            audit.append(complaint, null, "handler", "complaint.INVESTIGATED", null, null, Map.of("n", 2));
            // not written yet: the batch goes at commit
            assertThat(rows(complaint)).isEmpty();
            // the log's own reads see them, in order
            assertThat(audit.list(complaint, "none"))
                    .extracting(AuditLog.Entry::action)
                    .containsExactly("complaint.ASSESSED", "complaint.INVESTIGATED");
            audit.append(complaint, null, "handler", "complaint.PROPOSED", null, null, null);
        });
        assertThat(rows(complaint))
                .extracting(row -> row.get("action"))
                .containsExactly("complaint.ASSESSED", "complaint.INVESTIGATED", "complaint.PROPOSED");
    }

    @Test
    void aRolledBackTransactionLeavesNoRowsButAnInnerOneThatCommittedKeepsItsOwn() {
        long complaint = COMPLAINT.incrementAndGet();
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(tx -> {
            audit.append(complaint, null, "handler", "complaint.OUTER", null, null, null);
            inner.executeWithoutResult(
                    nested -> audit.append(complaint, null, "handler", "complaint.INNER", null, null, null));
            tx.setRollbackOnly();
        });
        assertThat(rows(complaint)).extracting(row -> row.get("action")).containsExactly("complaint.INNER");
    }

    @Test
    void appendedRowsAreSealedIntoAnIntactChain() {
        long complaint = appendThree();
        assertThat(rows(complaint)).allSatisfy(row -> {
            assertThat(row.get("chain_seq")).isNull();
            assertThat((String) row.get("leaf_hash")).matches("[0-9a-f]{64}");
        });

        assertThat(sealer.sealNow()).isGreaterThanOrEqualTo(3);
        assertThat(sealer.sealNow()).isZero();

        List<Map<String, Object>> rows = rows(complaint);
        assertThat(rows).extracting(row -> row.get("actor")).containsExactly("intake", "handler", "system");
        assertThat(rows.get(1).get("payload"))
                .asString()
                .contains("\"before\":{\"severity\":\"low\"}", "\"after\":{\"severity\":\"high\"}");
        assertThat(rows.get(2).get("payload")).isNull();
        long first = ((Number) rows.get(0).get("chain_seq")).longValue();
        assertThat(rows)
                .extracting(row -> ((Number) row.get("chain_seq")).longValue())
                .containsExactly(first, first + 1, first + 2);
        assertThat(rows.get(1).get("prev_hash")).isEqualTo(rows.get(0).get("chain_hash"));

        AuditVerifier.Verification verification = verifier.verify();
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.lastSeq()).isGreaterThanOrEqualTo(first + 2);
        assertThat(verification.rowsChecked()).isEqualTo(verification.lastSeq());
        assertThat(audit.list(complaint, null))
                .extracting(AuditLog.Entry::action)
                .containsExactly("complaint.RECEIVED", "complaint.ASSESSED", "complaint.ACKNOWLEDGED");
    }

    @Test
    void aBacklogIsSealedInSeveralTransactions() {
        sealer.sealNow();
        long complaint = COMPLAINT.incrementAndGet();
        for (int i = 0; i <= AuditSealer.BATCH; i++) {
            audit.append(complaint, null, "system", "complaint.REMINDED", null, null, null);
        }
        assertThat(sealer.sealNow()).isEqualTo(AuditSealer.BATCH + 1);
        AuditVerifier.Verification verification = verifier.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.rowsChecked()).isEqualTo(verification.lastSeq()).isGreaterThan(AuditSealer.BATCH);
    }

    @Test
    void aChangedSealedRowIsNamed() {
        long complaint = appendThree();
        sealer.sealNow();
        Map<String, Object> victim = rows(complaint).get(1);
        Object id = victim.get("id");
        jdbc.sql("update cmp_audit set action = 'complaint.NOTHING_HAPPENED' where id = ?")
                .param(id)
                .update();
        try {
            AuditVerifier.Verification verification = verifier.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.problems())
                    .containsExactly("row " + id + " (seq " + victim.get("chain_seq")
                            + "): content changed after it was written");
        } finally {
            jdbc.sql("update cmp_audit set action = ? where id = ?")
                    .params(victim.get("action"), id)
                    .update();
        }
        assertThat(verifier.verify().intact()).isTrue();

        // a payload edited in place no longer matches its digest
        jdbc.sql("update cmp_audit set payload = replace(payload, 'high', 'none') where id = ?")
                .param(id)
                .update();
        try {
            assertThat(verifier.verify().problems())
                    .containsExactly(
                            "row " + id + " (seq " + victim.get("chain_seq") + "): before/after values changed");
        } finally {
            jdbc.sql("update cmp_audit set payload = ? where id = ?")
                    .params(victim.get("payload"), id)
                    .update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedSealedRowIsMissing() {
        long complaint = appendThree();
        sealer.sealNow();
        Map<String, Object> victim = rows(complaint).get(1);
        jdbc.sql("delete from cmp_audit where id = ?").param(victim.get("id")).update();
        try {
            AuditVerifier.Verification verification = verifier.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.problems())
                    .anyMatch(p -> p.startsWith("seq " + victim.get("chain_seq") + " missing"));
        } finally {
            jdbc.sql("insert into cmp_audit (" + String.join(", ", victim.keySet()) + ") values ("
                            + String.join(
                                    ", ",
                                    victim.keySet().stream().map(c -> ":" + c).toList()) + ")")
                    .params(victim)
                    .update();
        }
        assertThat(verifier.verify().intact()).isTrue();

        // the newest sealed row deleted: the chain head no longer matches the seal
        long last = COMPLAINT.incrementAndGet();
        audit.append(last, null, "handler", "complaint.CLOSED", null, null, null);
        sealer.sealNow();
        Map<String, Object> newest = rows(last).get(0);
        jdbc.sql("delete from cmp_audit where id = ?").param(newest.get("id")).update();
        try {
            assertThat(verifier.verify().problems())
                    .singleElement()
                    .asString()
                    .contains("sealed up to seq " + newest.get("chain_seq"));
        } finally {
            jdbc.sql("insert into cmp_audit (" + String.join(", ", newest.keySet()) + ") values ("
                            + String.join(
                                    ", ",
                                    newest.keySet().stream().map(c -> ":" + c).toList()) + ")")
                    .params(newest)
                    .update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void redactionErasesThePayloadsAndKeepsTheChainIntact() {
        long complaint = COMPLAINT.incrementAndGet();
        // unique: other test classes share this in-memory database and file complaints by "Jan de Vries"
        String name = "Jan de Vries " + UUID.randomUUID();
        String other = "Someone Else " + UUID.randomUUID();
        audit.append(complaint, null, "intake", "complaint.RECEIVED", null, null, Map.of("name", name));
        audit.appendVariableChange(
                "pi-redact-" + complaint, null, "system", "complainantName", false, null, true, name);
        audit.append(
                COMPLAINT.incrementAndGet(), null, "intake", "complaint.RECEIVED", null, null, Map.of("name", other));
        sealer.sealNow();

        assertThat(audit.redact(complaint, "pi-redact-" + complaint)).isEqualTo(2);

        assertThat(audit.list(complaint, "pi-redact-" + complaint))
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.payload()).isNull());
        assertThat(jdbc.sql("select count(*) from cmp_audit where payload like ?")
                        .param("%" + name + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from cmp_audit where payload like ?")
                        .param("%" + other + "%")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select payload_digest from cmp_audit where complaint_id = ?")
                        .param(complaint)
                        .query(String.class)
                        .single())
                .matches("[0-9a-f]{64}");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRowLeftUnsealedForLongIsSuspicious() {
        sealer.sealNow();
        long complaint = COMPLAINT.incrementAndGet();
        audit.append(complaint, null, "intake", "complaint.RECEIVED", null, null, null);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(11, ChronoUnit.MINUTES)));
        AuditVerifier.Verification verification = verifier.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems())
                .singleElement()
                .asString()
                .startsWith("1 row(s) older than 10 minutes were never sealed");
        ClockUtil.reset();
        sealer.sealNow();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void engineHistoryEventsBecomeAuditRows() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        HistoryEventHandler handler = configuration.getCustomHistoryEventHandlers().stream()
                .filter(AuditHistoryEventHandler.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
        String instance = "pi-engine-" + COMPLAINT.incrementAndGet();

        identity.setAuthenticatedUserId("tester");
        inCommand(handler, variable(instance, "create", "upheld"));
        inCommand(handler, variable(instance, "update", "rejected"));
        HistoricIncidentEventEntity incident = new HistoricIncidentEventEntity();
        incident.setEventType("create");
        incident.setId("incident-1");
        incident.setProcessInstanceId(instance);
        incident.setIncidentType("failedJob");
        incident.setActivityId("sendAcknowledgement");
        incident.setIncidentMessage("mail to jan@example.net refused");
        inCommand(handler, incident);
        HistoricActivityInstanceEventEntity activity = new HistoricActivityInstanceEventEntity();
        activity.setEventType("start");
        activity.setProcessInstanceId(instance);
        inCommand(handler, activity);
        identity.clearAuthentication();
        // outside a command (and without a user): the system acts
        handler.handleEvent(variable(instance, "delete", null));

        List<AuditLog.Entry> entries = audit.list(-1, instance);
        assertThat(entries)
                .extracting(AuditLog.Entry::action)
                .containsExactly(AuditLog.VARIABLES, AuditLog.VARIABLES, "incident.create", AuditLog.VARIABLES);
        assertThat(entries).extracting(AuditLog.Entry::actor).containsExactly("tester", "tester", "tester", "system");
        assertThat(entries.get(0).entity()).isNull();
        assertThat(entries.get(0).complaintId()).isNull();
        assertThat(entries.get(0).payload()).isEqualTo("{\"after\":{\"outcome\":\"upheld\"}}");
        // no history row to read the value before from (the event came from outside the engine): the log's own
        assertThat(entries.get(1).payload())
                .isEqualTo("{\"before\":{\"outcome\":\"upheld\"},\"after\":{\"outcome\":\"rejected\"}}");
        assertThat(entries.get(2).payload())
                .contains("failedJob", "sendAcknowledgement")
                .doesNotContain("jan@example.net");
        // deleted: it had a value before, none after
        assertThat(entries.get(3).payload()).isEqualTo("{\"before\":{\"outcome\":\"rejected\"}}");

        sealer.sealNow();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void theVariablesOneStepChangesAreOneEntryWithTheirValuesBeforeAndAfter() throws Exception {
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "audit-probe.bpmn",
                        Bpmn.createExecutableProcess("audit-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("Task_Probe")
                                .endEvent()
                                .done())
                .deploy();
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("audit-probe", Map.of("outcome", "upheld", "count", 1))
                .getId();
        engine.getRuntimeService().setVariable(instance, "outcome", "rejected");
        // one step changing two variables, one of them twice: what each was before the step, what it is after it
        transactions.executeWithoutResult(status -> {
            engine.getRuntimeService().setVariables(instance, Map.of("outcome", "withdrawn", "count", 2));
            engine.getRuntimeService().setVariable(instance, "count", 3);
        });
        engine.getRuntimeService().removeVariable(instance, "outcome");

        List<AuditLog.Entry> steps = audit.list(-1, instance).stream()
                .filter(entry -> entry.action().equals(AuditLog.VARIABLES))
                .toList();
        assertThat(steps)
                .hasSize(4)
                .allSatisfy(entry -> assertThat(entry.entity()).isNull());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> payloads = new ArrayList<>();
        for (AuditLog.Entry step : steps) {
            payloads.add(json.readTree(step.payload()));
        }
        // started: created, nothing before; the engine keeps numbers as text too, and the log shows them so
        assertThat(payloads.get(0).has("before")).isFalse();
        assertThat(payloads.get(0).path("after").path("outcome").asText()).isEqualTo("upheld");
        assertThat(payloads.get(0).path("after").path("count").asText()).isEqualTo("1");
        assertThat(payloads.get(1).toString())
                .isEqualTo("{\"before\":{\"outcome\":\"upheld\"},\"after\":{\"outcome\":\"rejected\"}}");
        assertThat(payloads.get(2).path("before").size()).isEqualTo(2);
        assertThat(payloads.get(2).path("before").path("outcome").asText()).isEqualTo("rejected");
        assertThat(payloads.get(2).path("before").path("count").asText()).isEqualTo("1");
        assertThat(payloads.get(2).path("after").size()).isEqualTo(2);
        assertThat(payloads.get(2).path("after").path("outcome").asText()).isEqualTo("withdrawn");
        assertThat(payloads.get(2).path("after").path("count").asText()).isEqualTo("3");
        assertThat(payloads.get(3).toString()).isEqualTo("{\"before\":{\"outcome\":\"withdrawn\"}}");
        // the value before of a change from outside the engine comes from these entries
        assertThat(audit.lastVariableValue(instance, "count")).isEqualTo("3");
        assertThat(audit.lastVariableValue(instance, "outcome")).isNull();
        sealer.sealNow();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void anOperationOfAnAuthenticatedUserIsAudited() {
        String user = "auditprobe" + COMPLAINT.incrementAndGet();
        long before = jdbc.sql("select coalesce(max(id), 0) from cmp_audit")
                .query(Long.class)
                .single();
        identity.setAuthentication("tester", List.of(StaffGroups.ADMIN));
        try {
            identity.saveUser(identity.newUser(user));
            identity.deleteUser(user);
        } finally {
            identity.clearAuthentication();
        }
        List<Map<String, Object>> rows = jdbc.sql(
                        "select * from cmp_audit where id > ? and action like 'operation.%' " + "order by id")
                .param(before)
                .query()
                .listOfRows();
        assertThat(rows).extracting(row -> row.get("action")).containsExactly("operation.Create", "operation.Delete");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("actor")).isEqualTo("tester");
            assertThat(row.get("entity")).isEqualTo("userId");
            assertThat(row.get("payload")).asString().contains(user, "\"entityType\":\"User\"");
            assertThat(row.get("process_instance_id")).isNull();
            assertThat(row.get("complaint_id")).isNull();
        });
        sealer.sealNow();
        assertThat(verifier.verify().intact()).isTrue();
    }

    private static HistoricVariableUpdateEventEntity variable(String instance, String type, String value) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setEventType(type);
        event.setProcessInstanceId(instance);
        event.setVariableName("outcome");
        event.setTextValue(value);
        return event;
    }

    private void inCommand(HistoryEventHandler handler, HistoryEvent event) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(context -> {
                    handler.handleEvent(event);
                    return null;
                });
    }
}
