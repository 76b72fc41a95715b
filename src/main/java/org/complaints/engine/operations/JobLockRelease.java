package org.complaints.engine.operations;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Frees the jobs a node has locked, so another node (or the node itself after a restart) runs them now rather
 * than after the lock time. Each job is unlocked through the engine, which raises its revision: a job still
 * being run under the old lock then fails to commit (optimistic locking) instead of committing twice.
 */
@Component
public class JobLockRelease {

    private final JdbcClient jdbc;

    public JobLockRelease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many jobs were freed */
    public int release(ProcessEngineConfigurationImpl engine, String lockOwner) {
        // the engine's job query has no lock-owner filter; ACT_RU_JOB is read only to find the ids
        List<String> locked = jdbc.sql("select ID_ from ACT_RU_JOB where LOCK_OWNER_ = ?")
                .param(lockOwner)
                .query(String.class)
                .list();
        int released = 0;
        for (String jobId : locked) {
            try {
                engine.getCommandExecutorTxRequired().execute(new UnlockJobCmd(jobId));
                released++;
            } catch (ProcessEngineException finishedOrTakenMeanwhile) {
                // the job ended or changed since the query: nothing left to free
            }
        }
        return released;
    }
}
