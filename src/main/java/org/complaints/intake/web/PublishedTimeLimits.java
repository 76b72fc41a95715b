package org.complaints.intake.web;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.complaints.deadlines.DeadlineProperties;
import org.springframework.stereotype.Component;

/**
 * The time limits the public page promises (ISO 10002 7.1), read from the same configuration and decision
 * table the process uses, so the page never says something the process does not do.
 */
@Component
public class PublishedTimeLimits {

    private final RepositoryService repository;
    private final DeadlineProperties deadlines;

    public PublishedTimeLimits(RepositoryService repository, DeadlineProperties deadlines) {
        this.repository = repository;
        this.deadlines = deadlines;
    }

    public record TimeLimits(
            int acknowledgementDays,
            int fastestResponseDays,
            int slowestResponseDays,
            int reactionDays,
            int reviewDays) {}

    public TimeLimits current() {
        List<Integer> responseDays = responseDaysOfEveryRule();
        return new TimeLimits(
                deadlines.acknowledgementDays(),
                responseDays.stream().min(Integer::compare).orElse(0),
                responseDays.stream().max(Integer::compare).orElse(0),
                deadlines.reactionDays(),
                deadlines.reviewDays());
    }

    private List<Integer> responseDaysOfEveryRule() {
        DecisionDefinition decision = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("complaint-assessment")
                .latestVersion()
                .singleResult();
        if (decision == null) {
            return List.of();
        }
        DmnModelInstance model = repository.getDmnModelInstance(decision.getId());
        DecisionTable table =
                model.getModelElementsByType(DecisionTable.class).iterator().next();
        List<Output> outputs = List.copyOf(table.getOutputs());
        int column = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if ("responseDays".equals(outputs.get(i).getName())) {
                column = i;
            }
        }
        if (column < 0) {
            return List.of();
        }
        int index = column;
        return table.getRules().stream()
                .map(Rule::getOutputEntries)
                .map(entries -> List.copyOf(entries).get(index))
                .map(entry -> entry.getTextContent().strip())
                .filter(text -> text.matches("\\d+"))
                .map(Integer::valueOf)
                .toList();
    }
}
