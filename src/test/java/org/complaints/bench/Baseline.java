package org.complaints.bench;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare engine on the same database: a second, plain Camunda engine (no application plugins, no audit
 * listener, no authorization provider, no job executor; full history like the application's) running a process
 * with one user task, started and completed through the Java API. Every scenario is printed beside it, so a slow
 * machine shows as a slow baseline, not as a regression.
 */
final class Baseline implements AutoCloseable {

    static final String PROCESS = "benchBaseline";

    private final ProcessEngine engine;

    Baseline(DataSource dataSource) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("benchmark-baseline");
        configuration.setDataSource(dataSource);
        // the application's engine created the schema; this one only uses it
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        // as the application's engine (Spring Boot starter default): no id block row to fight over
        configuration.setIdGenerator(new StrongUuidGenerator());
        engine = configuration.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Baseline").camundaCandidateGroups("bench").endEvent().done();
        engine.getRepositoryService().createDeployment().name("benchmark baseline")
                .addModelInstance(PROCESS + ".bpmn", model).enableDuplicateFiltering(true).deploy();
    }

    /** One operation: start, find the task, complete it. */
    void run(int i) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "baseline-" + i);
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getId();
        engine.getTaskService().complete(task);
    }

    @Override
    public void close() {
        engine.close();
    }
}
