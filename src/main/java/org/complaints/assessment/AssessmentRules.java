package org.complaints.assessment;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.complaints.engine.authorization.EngineAuthority;
import org.springframework.stereotype.Component;

/**
 * Evaluates the decision table complaint-assessment through the engine's decision service (ISO 10002 7.5), as
 * Task_AssessPriority does: the version deployed with the process definition that asks (binding "deployment"), so
 * a process owner's edit applies to the complaints of that deployment only. The evaluation is the application's
 * policy, not the handler's action: it runs without the handler's engine authorizations.
 */
@Component
public class AssessmentRules {

    static final String DECISION_KEY = "complaint-assessment";

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final EngineAuthority authority;

    public AssessmentRules(RepositoryService repository, DecisionService decisions, EngineAuthority authority) {
        this.repository = repository;
        this.decisions = decisions;
        this.authority = authority;
    }

    /** The table's result for this classification; the table has a default row, so there always is one. */
    public RuleResult evaluate(
            String processDefinitionId, String severity, String impact, boolean safetyRelevant, String category) {
        return authority.withoutAuthorization(() -> {
            String deploymentId =
                    repository.getProcessDefinition(processDefinitionId).getDeploymentId();
            DecisionDefinition table = repository
                    .createDecisionDefinitionQuery()
                    .deploymentId(deploymentId)
                    .decisionDefinitionKey(DECISION_KEY)
                    .singleResult();
            if (table == null) {
                throw new IllegalStateException("Decision table " + DECISION_KEY + " is not deployed with process "
                        + "definition " + processDefinitionId);
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("severity", severity);
            variables.put("impact", impact);
            variables.put("safetyRelevant", safetyRelevant);
            variables.put("category", category);
            DmnDecisionResultEntries result = decisions
                    .evaluateDecisionById(table.getId())
                    .variables(variables)
                    .evaluate()
                    .getSingleResult();
            if (result == null) {
                throw new IllegalStateException("Decision table " + DECISION_KEY + " has no rule for severity "
                        + severity + ", impact " + impact + ", category " + category);
            }
            Object days = result.getEntry("responseDays");
            return new RuleResult(
                    result.getEntry("priority"), result.getEntry("handlingGroup"), ((Number) days).intValue());
        });
    }

    /** What the decision table gives: priority, handling group and response time in working days. */
    public record RuleResult(String priority, String handlingGroup, int responseDays) {}
}
