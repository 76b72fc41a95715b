package org.complaints.engine.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.complaints.operations.NodeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor of this node among several on one database. It locks jobs under the node's name
 * ({@code complaints.node.id}), and when the node stops it does not leave jobs locked for the lock time
 * (the engine does not release them by itself): it stops taking jobs, drops the ones taken but not started,
 * gives running ones {@code complaints.node.shutdown-job-wait} to finish, and frees whatever is still locked
 * under its name, so another node takes them at once. A named node also frees, on start, the jobs its previous
 * run left locked when it was killed.
 */
@Component
class NodeJobExecutor extends AbstractProcessEnginePlugin implements ApplicationListener<ContextClosedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(NodeJobExecutor.class);

    private final NodeProperties node;
    private final ObjectProvider<JobLockRelease> release;
    private final ApplicationContext context;
    private final String lockOwner;
    private ProcessEngineConfigurationImpl engine;

    NodeJobExecutor(NodeProperties node, ObjectProvider<JobLockRelease> release, ApplicationContext context) {
        this.node = node;
        this.release = release;
        this.context = context;
        this.lockOwner = node.named() ? node.id().strip() : "node-" + UUID.randomUUID();
    }

    String lockOwner() {
        return lockOwner;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(lockOwner);
        }
    }

    /** Before the job executor starts: a named node's jobs still locked are from its previous run, which died. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (node.named()) {
            int freed = release.getObject().release(engine, lockOwner);
            if (freed > 0) {
                LOG.info("Node {}: freed {} jobs its previous run left locked", lockOwner, freed);
            }
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        // the management server's child context closes too, and its event reaches this context's listeners
        if (event.getApplicationContext() != context || engine == null) {
            return;
        }
        JobExecutor executor = engine.getJobExecutor();
        if (executor != null) {
            executor.shutdown(); // stops acquiring; returns once the acquisition thread has ended
            finishRunningJobs(executor);
        }
        int freed = release.getObject().release(engine, lockOwner);
        LOG.info("Node {} stopping: job executor stopped, {} locked jobs freed for other nodes", lockOwner, freed);
    }

    private void finishRunningJobs(JobExecutor executor) {
        if (!(executor instanceof SpringJobExecutor spring)
                || !(spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool)) {
            return;
        }
        ThreadPoolExecutor threads;
        try {
            threads = pool.getThreadPoolExecutor();
        } catch (IllegalStateException notStarted) {
            return;
        }
        List<Runnable> notStarted = new ArrayList<>();
        threads.getQueue().drainTo(notStarted);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(node.shutdownJobWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "Node {}: jobs still running after {}; they are freed and will run again elsewhere",
                        lockOwner,
                        node.shutdownJobWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
