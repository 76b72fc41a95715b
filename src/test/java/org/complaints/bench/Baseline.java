package org.complaints.bench;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.complaints.engine.operations.TaskQueryPlanning;

/**
 * The bare engine on the same database: a second, plain Camunda engine (no application plugins, no audit
 * listener, no authorization provider; full history like the application's) running a process with one user
 * task, started and completed through the Java API. Every scenario is printed beside it, so a slow machine shows
 * as a slow baseline, not as a regression. For the SLA timers it also runs a timer before a user task, with a job
 * executor of its own set up as the application's (it only takes the jobs of its own deployment).
 */
final class Baseline implements AutoCloseable {

    static final String PROCESS = "benchBaseline";
    static final String TIMER_PROCESS = "benchBaselineTimer";
    static final String TIMER_TASK = "Task_BaselineEscalation";
    static final String INTAKE_PROCESS = "benchBaselineIntake";

    /**
     * The engine work of one intake, without the application: started by a message with the intake's variables,
     * the same steps (gateway, four service steps, here expressions; the assessment's asynchronous), then the
     * assessment task, with the complaint process's four event subprocesses (two
     * messages, two timers) waiting beside them.
     */
    private static final String INTAKE_MODEL = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://complaints.org/bench">
              <message id="Message_Received" name="BenchComplaintReceived"/>
              <message id="Message_Withdrawn" name="BenchComplaintWithdrawn"/>
              <message id="Message_InformationAdded" name="BenchInformationAdded"/>
              <process id="benchBaselineIntake" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="Received"><messageEventDefinition messageRef="Message_Received"/></startEvent>
                <sequenceFlow id="f1" sourceRef="Received" targetRef="Join"/>
                <exclusiveGateway id="Join"/>
                <sequenceFlow id="f2" sourceRef="Join" targetRef="Register"/>
                <serviceTask id="Register" camunda:expression="${true}"/>
                <sequenceFlow id="f3" sourceRef="Register" targetRef="AssessPriority"/>
                <serviceTask id="AssessPriority" camunda:asyncBefore="true" camunda:expression="${true}"/>
                <sequenceFlow id="f4" sourceRef="AssessPriority" targetRef="SetDeadline"/>
                <serviceTask id="SetDeadline" camunda:expression="${true}"/>
                <sequenceFlow id="f5" sourceRef="SetDeadline" targetRef="Acknowledge"/>
                <serviceTask id="Acknowledge" camunda:expression="${true}"/>
                <sequenceFlow id="f6" sourceRef="Acknowledge" targetRef="ConfirmAssessment"/>
                <userTask id="ConfirmAssessment" camunda:candidateGroups="bench"/>
                <sequenceFlow id="f7" sourceRef="ConfirmAssessment" targetRef="Done"/>
                <endEvent id="Done"/>
                <subProcess id="Withdrawal" triggeredByEvent="true">
                  <startEvent id="Withdrawn"><messageEventDefinition messageRef="Message_Withdrawn"/></startEvent>
                  <sequenceFlow id="w1" sourceRef="Withdrawn" targetRef="WithdrawalDone"/>
                  <endEvent id="WithdrawalDone"/>
                </subProcess>
                <subProcess id="Information" triggeredByEvent="true">
                  <startEvent id="InformationAdded" isInterrupting="false">
                    <messageEventDefinition messageRef="Message_InformationAdded"/></startEvent>
                  <sequenceFlow id="i1" sourceRef="InformationAdded" targetRef="InformationDone"/>
                  <endEvent id="InformationDone"/>
                </subProcess>
                <subProcess id="StatusUpdate" triggeredByEvent="true">
                  <startEvent id="StatusUpdateDue" isInterrupting="false">
                    <timerEventDefinition><timeDuration>P20D</timeDuration></timerEventDefinition></startEvent>
                  <sequenceFlow id="s1" sourceRef="StatusUpdateDue" targetRef="StatusUpdateDone"/>
                  <endEvent id="StatusUpdateDone"/>
                </subProcess>
                <subProcess id="Deadline" triggeredByEvent="true">
                  <startEvent id="DeadlinePassed" isInterrupting="false">
                    <timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition></startEvent>
                  <sequenceFlow id="d1" sourceRef="DeadlinePassed" targetRef="DeadlineDone"/>
                  <endEvent id="DeadlineDone"/>
                </subProcess>
              </process>
            </definitions>
            """;

    private final ProcessEngine engine;
    private final DefaultJobExecutor jobExecutor = new DefaultJobExecutor();

    Baseline(DataSource dataSource) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("benchmark-baseline");
        configuration.setDataSource(dataSource);
        // the application's engine created the schema; this one only uses it
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setMetricsEnabled(false);
        // as the application's engine (Spring Boot starter default): no id block row to fight over
        configuration.setIdGenerator(new StrongUuidGenerator());
        // the application's job executor settings (application.yaml), on its own deployment's jobs only
        jobExecutor.setCorePoolSize(3);
        jobExecutor.setMaxPoolSize(10);
        jobExecutor.setQueueSize(10);
        jobExecutor.setMaxJobsPerAcquisition(10);
        jobExecutor.setWaitTimeInMillis(500);
        jobExecutor.setMaxWait(1000);
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(false);
        configuration.setJobExecutorDeploymentAware(true);
        configuration.setJobExecutorAcquireByDueDate(true);
        engine = configuration.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Baseline")
                .camundaCandidateGroups("bench")
                .endEvent()
                .done();
        BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER_PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Timer_BaselineDeadline")
                .timerWithDate("${due}")
                .userTask(TIMER_TASK)
                .camundaCandidateGroups("bench")
                .endEvent()
                .done();
        String deployment = engine.getRepositoryService()
                .createDeployment()
                .name("benchmark baseline")
                .addModelInstance(PROCESS + ".bpmn", model)
                .addModelInstance(TIMER_PROCESS + ".bpmn", timer)
                .addString(INTAKE_PROCESS + ".bpmn", INTAKE_MODEL)
                .enableDuplicateFiltering(true)
                .deploy()
                .getId();
        engine.getManagementService().registerDeploymentForJobExecutor(deployment);
    }

    /** One operation: start, find the task, complete it. */
    void run(int i) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "baseline-" + i);
        String task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId();
        engine.getTaskService().complete(task);
    }

    /** One intake's engine work: the message start with the variables the application's intake gives the process. */
    void intake(int i) {
        engine.getRuntimeService()
                .createMessageCorrelation("BenchComplaintReceived")
                .processInstanceBusinessKey("baseline-intake-" + i)
                .setVariables(Variables.createVariables()
                        .putValue("complaintId", (long) i)
                        .putValue("reference", String.format("CMP-2026-%06d", i))
                        .putValue("receivedAt", new Date())
                        .putValue("channel", "web")
                        .putValue("preferredLanguage", "en")
                        .putValue("productOrService", "Broadband")
                        .putValue(
                                "description",
                                "The router dropped the "
                                        + "connection every evening for two weeks; three calls to support did not help.")
                        .putValue("remedySought", "A working connection")
                        .putValue("severity", "medium")
                        .putValue("impact", "individual")
                        .putValue("category", "service")
                        .putValue("safetyRelevant", false)
                        .putValue("reviewRound", 1))
                .correlateStartMessage();
    }

    /**
     * Ends the intake instances again, so that later scenarios see only the application's open tasks. In commands of
     * 200: one command deleting thousands holds all their entities in its cache, which the heap figure would count.
     */
    void deleteIntakes() {
        List<String> ids =
                engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(INTAKE_PROCESS)
                        .list()
                        .stream()
                        .map(ProcessInstance::getId)
                        .toList();
        for (int from = 0; from < ids.size(); from += 200) {
            engine.getRuntimeService()
                    .deleteProcessInstances(
                            ids.subList(from, Math.min(ids.size(), from + 200)), "benchmark baseline done", true, true);
        }
    }

    /** The Tasklist group filter's query on the bare engine (Java API, no REST, no authorization check). */
    int taskPage(String candidateGroup) {
        return engine.getTaskService()
                .createTaskQuery()
                .taskCandidateGroup(candidateGroup)
                .includeAssignedTasks()
                .listPage(0, 50)
                .size();
    }

    /**
     * The same query with the engine's own authorization check, as that user with those groups, over the grants the
     * application keeps: what the engine itself costs for a Tasklist page, without REST and the application.
     */
    int taskPageAs(String userId, List<String> groups, String candidateGroup) {
        return as(userId, groups, () -> taskPage(candidateGroup));
    }

    /**
     * How many tasks that query finds for that user, which Tasklist shows beside every page. Planned as the
     * application plans it (operations/TaskQueryPlanning: each task's grants looked up by index); left to itself,
     * PostgreSQL compares every task with every grant, seconds at 20,000 open tasks. What remains is the engine's
     * own floor: one grant lookup per matching task.
     */
    long taskCountAs(String userId, List<String> groups, String candidateGroup) {
        return as(
                userId,
                groups,
                () -> configuration().getCommandExecutorTxRequired().execute(context -> {
                    try (Statement statement = context.getDbSqlSession()
                            .getSqlSession()
                            .getConnection()
                            .createStatement()) {
                        for (String setting : TaskQueryPlanning.SETTINGS) {
                            statement.execute(setting);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    // a query inside a command runs in that command's context and transaction
                    return engine.getTaskService()
                            .createTaskQuery()
                            .taskCandidateGroup(candidateGroup)
                            .includeAssignedTasks()
                            .count();
                }));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    }

    private <T> T as(String userId, List<String> groups, Supplier<T> query) {
        ProcessEngineConfigurationImpl configuration = configuration();
        configuration.setAuthorizationEnabled(true);
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return query.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
            configuration.setAuthorizationEnabled(false);
        }
    }

    /** An instance waiting for its timer, due then. */
    void startTimer(int i, Date due) {
        engine.getRuntimeService()
                .startProcessInstanceByKey(
                        TIMER_PROCESS,
                        "baseline-timer-" + i,
                        Variables.createVariables().putValue("due", due));
    }

    void startJobExecutor() {
        jobExecutor.start();
    }

    void stopJobExecutor() {
        jobExecutor.shutdown();
    }

    @Override
    public void close() {
        if (jobExecutor.isActive()) {
            jobExecutor.shutdown();
        }
        engine.close();
    }
}
