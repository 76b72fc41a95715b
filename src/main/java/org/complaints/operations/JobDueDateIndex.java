package org.complaints.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of the engine's jobs, which Camunda does not create. Every job acquisition asks for the
 * jobs due now; with tens of thousands of SLA timers waiting (every open complaint has several), that question is a
 * scan of the whole job table without it, several times a second per node. Created once the engine's tables exist
 * (the engine creates them itself or the operator installed them); where the application may not create indexes in
 * the engine's schema, start-up goes on and the log gives the statement for the database administrator.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String CREATE = "create index if not exists cmp_act_ru_job_duedate on act_ru_job (duedate_)";

    private static final Logger LOG = LoggerFactory.getLogger(JobDueDateIndex.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        // acquisition takes the jobs that have been due longest first, along that index
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            LOG.warn("Could not create the index on the jobs' due date ({}); SLA timers will be acquired slowly "
                    + "with many open complaints. Ask the database administrator to run: {}", e.getMessage(), CREATE);
        }
    }
}
