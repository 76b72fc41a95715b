package org.complaints.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.engine.decision.LiteralFeelEngine;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner changes a deadline in the decision table in Modeler and the application deploys it: new
 * complaints get the new deadline, complaints already running keep theirs.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:decision-table-change;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
// it deploys a changed decision table: no later test may meet it
@DirtiesContext
class DecisionTableChangeTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    RepositoryService repository;

    @Autowired
    FormService forms;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    ComplaintRegister register;

    @Autowired
    ProcessEngine engine;

    private ProcessInstance fileByPhone(String email) {
        Map<String, Object> form = new HashMap<>(Map.of(
                "channel",
                "phone",
                "complainantName",
                "Mari Tamm",
                "complainantEmail",
                email,
                "preferredLanguage",
                "et",
                "productOrService",
                "Internet",
                "description",
                "The connection drops every evening.",
                "severity",
                "medium",
                "impact",
                "individual",
                "category",
                "service",
                "safetyRelevant",
                false));
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("complaint-handling")
                .latestVersion()
                .singleResult();
        identity.setAuthentication("intake", java.util.List.of(org.complaints.security.StaffGroups.INTAKE));
        ProcessInstance instance;
        try {
            instance = forms.submitStartForm(latest.getId(), form);
        } finally {
            identity.clearAuthentication();
        }
        // the assessment runs just after the receipt, as a job
        management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Task_AssessPriority")
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        return instance;
    }

    private Complaint complaintOf(ProcessInstance instance) {
        return register.getByReference(instance.getBusinessKey());
    }

    @Test
    void aChangedDeadlineAppliesToNewComplaintsOnly() throws IOException {
        ProcessInstance before = fileByPhone("before@example.ee");
        assertThat(complaintOf(before).responseDays()).isEqualTo(15);

        // what the next start deploys after the process owner changed the medium-severity row from 15 to 12
        String table = Files.readString(Path.of("processes", "complaint-assessment.dmn"), StandardCharsets.UTF_8);
        String changed = table.replace(
                "<outputEntry id=\"Rule_MediumSeverity_Out2\"><text>15</text>",
                "<outputEntry id=\"Rule_MediumSeverity_Out2\"><text>12</text>");
        assertThat(changed).isNotEqualTo(table);
        DeploymentBuilder deployment = repository
                .createDeployment()
                .name("complaint-handling")
                .addString("processes/complaint-assessment.dmn", changed)
                .addInputStream(
                        "processes/complaint-handling.bpmn",
                        Files.newInputStream(Path.of("processes", "complaint-handling.bpmn")));
        try (Stream<Path> formFiles = Files.list(Path.of("forms"))) {
            for (Path form : formFiles.toList()) {
                deployment.addInputStream("forms/" + form.getFileName(), Files.newInputStream(form));
            }
        }
        deployment.deploy();

        ProcessInstance after = fileByPhone("after@example.ee");
        assertThat(complaintOf(after).responseDays()).isEqualTo(12);
        assertThat(complaintOf(after).responseDeadline())
                .isBefore(complaintOf(before).responseDeadline().plusSeconds(1));
        // the running complaint keeps its process version, decision result and committed date
        assertThat(complaintOf(before).responseDays()).isEqualTo(15);
        assertThat(repository
                        .getProcessDefinition(before.getProcessDefinitionId())
                        .getVersion())
                .isEqualTo(1);
        assertThat(repository
                        .getProcessDefinition(after.getProcessDefinitionId())
                        .getVersion())
                .isEqualTo(2);
    }

    @Test
    void decisionsAreEvaluatedThroughTheApplicationsFeelEngine() {
        // the literal-cell cache only helps if the engine built by Spring Boot really uses it
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(LiteralFeelEngine.class);
        assertThat(complaintOf(fileByPhone("cached@example.ee")).responseDays()).isEqualTo(15);
    }
}
