package org.complaints.process;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.complaints.mail.OutboxSender;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every {@link ProcessTest} class works with: the engine's services, the register and event log, a real SMTP
 * server (GreenMail on its test port, fresh for each test) and {@link ProcessTestSupport} acting as staff. After
 * each test the engine clock is back at the real time and nobody is signed in, so tests sharing the application
 * cannot leak a moved clock or an identity into each other. A process test class is {@code @ProcessTest} and extends
 * this class ({@link ProcessCoverageExtension} refuses one that does not); it injects only what else it needs.
 */
public abstract class ProcessTestBase {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected RuntimeService runtime;

    @Autowired
    protected TaskService tasks;

    @Autowired
    protected FormService forms;

    @Autowired
    protected ManagementService management;

    @Autowired
    protected IdentityService identity;

    @Autowired
    protected RepositoryService repository;

    @Autowired
    protected HistoryService history;

    @Autowired
    protected ComplaintRegister register;

    @Autowired
    protected EventLog events;

    @Autowired
    protected OutboxSender outboxSender;

    /** Staff acting on the processes: start forms, claim and complete tasks, run due jobs, read mail. */
    protected ProcessTestSupport staff;

    @BeforeEach
    void setUpProcessTest() {
        BpmnAwareTests.init(engine);
        staff = new ProcessTestSupport(
                runtime, tasks, forms, management, identity, repository, register, events, mail, outboxSender);
    }

    @AfterEach
    void tearDownProcessTest() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }
}
