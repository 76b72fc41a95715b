package org.complaints.bench;

import java.util.Date;
import java.util.List;
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
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Baseline").camundaCandidateGroups("bench").endEvent().done();
        BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("Timer_BaselineDeadline").timerWithDate("${due}")
                .userTask(TIMER_TASK).camundaCandidateGroups("bench").endEvent().done();
        String deployment = engine.getRepositoryService().createDeployment().name("benchmark baseline")
                .addModelInstance(PROCESS + ".bpmn", model).addModelInstance(TIMER_PROCESS + ".bpmn", timer)
                .enableDuplicateFiltering(true).deploy().getId();
        engine.getManagementService().registerDeploymentForJobExecutor(deployment);
    }

    /** One operation: start, find the task, complete it. */
    void run(int i) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "baseline-" + i);
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getId();
        engine.getTaskService().complete(task);
    }

    /** The Tasklist group filter's query on the bare engine (Java API, no REST, no authorization check). */
    int taskPage(String candidateGroup) {
        return engine.getTaskService().createTaskQuery().taskCandidateGroup(candidateGroup).includeAssignedTasks()
                .listPage(0, 50).size();
    }

    /**
     * The same query with the engine's own authorization check, as that user with those groups, over the grants the
     * application keeps: what the engine itself costs for a Tasklist page, without REST and the application.
     */
    int taskPageAs(String userId, List<String> groups, String candidateGroup) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        configuration.setAuthorizationEnabled(true);
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return taskPage(candidateGroup);
        } finally {
            engine.getIdentityService().clearAuthentication();
            configuration.setAuthorizationEnabled(false);
        }
    }

    /** An instance waiting for its timer, due then. */
    void startTimer(int i, Date due) {
        engine.getRuntimeService().startProcessInstanceByKey(TIMER_PROCESS, "baseline-timer-" + i,
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
