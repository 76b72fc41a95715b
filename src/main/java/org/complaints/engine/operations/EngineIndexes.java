package org.complaints.engine.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks, which matter once there are many open complaints (bench/FINDINGS.md, 'Engine
 * indexes'):
 * <ul>
 * <li>the jobs' due date: every job acquisition asks for the jobs due now; with tens of thousands of SLA timers
 * waiting (every open complaint has several), that question scans the whole job table, several times a second per
 * node;</li>
 * <li>a task's parent task: completing a task looks for its subtasks, otherwise a scan of all open tasks.</li>
 * </ul>
 * Created once the engine's tables exist (the engine creates them itself or the operator installed them); where
 * the application may not create indexes in the engine's schema, start-up goes on and the log gives the statement
 * for the database administrator.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final List<String> CREATE = List.of(
            "create index if not exists cmp_act_ru_job_duedate on act_ru_job (duedate_)",
            "create index if not exists cmp_act_ru_task_parent on act_ru_task (parent_task_id_)");

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        // acquisition takes the jobs that have been due longest first, along the due-date index
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        for (String create : CREATE) {
            try (Connection connection = configuration.getDataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(create);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                LOG.warn(
                        "Could not create an index the engine needs with many open complaints ({}). Ask the "
                                + "database administrator to run: {}",
                        e.getMessage(),
                        create);
            }
        }
    }
}
