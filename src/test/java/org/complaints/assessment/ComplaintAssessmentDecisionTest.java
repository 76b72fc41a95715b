package org.complaints.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision table processes/complaint-assessment.dmn (ISO 10002 7.5, 4.15) as the process owner maintains
 * it: every rule is hit first (hit policy FIRST) by one case below, and every value it can produce is one the
 * application accepts ({@link Classification}; AssessmentService refuses anything else at run time).
 */
class ComplaintAssessmentDecisionTest {

    private static final Path DMN = Path.of("processes/complaint-assessment.dmn");
    private static final String DECISION_KEY = "complaint-assessment";

    /** Rule ids in table order; a rule added in Modeler without a case here fails {@link #everyRuleHasACase()}. */
    private static final List<String> RULE_IDS = List.of(
            "Rule_SafetyRelevant",
            "Rule_CriticalSeverity",
            "Rule_StaffConduct",
            "Rule_DataProtection",
            "Rule_HighWidespread",
            "Rule_HighSeverity",
            "Rule_MediumSeveralOrWidespread",
            "Rule_MediumSeverity",
            "Rule_LowWidespread",
            "Rule_LowSeverity",
            "Rule_Default");

    private static DmnEngine engine;
    private static DmnDecision decision;
    private static final List<DmnDecisionTableEvaluationEvent> evaluations = new ArrayList<>();

    @BeforeAll
    static void parseDecision() throws IOException {
        DmnDecisionTableEvaluationListener recorder = evaluations::add;
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recorder))
                .buildEngine();
        try (InputStream in = Files.newInputStream(DMN)) {
            decision = engine.parseDecision(DECISION_KEY, in);
        }
    }

    @BeforeEach
    void clearEvaluations() {
        evaluations.clear();
    }

    static Stream<Arguments> cases() {
        // severity, impact, safetyRelevant, category -> expected rule, priority, responseDays, handlingGroup
        return Stream.of(
                // safety first: even low severity about a single customer goes to managers, 5 days
                Arguments.of(
                        "low", "individual", true, "service", "Rule_SafetyRelevant", "urgent", 5, "complaint-managers"),
                // safety also wins over rules further down that would match (critical, staff conduct)
                Arguments.of(
                        "critical",
                        "widespread",
                        true,
                        "staff-conduct",
                        "Rule_SafetyRelevant",
                        "urgent",
                        5,
                        "complaint-managers"),
                Arguments.of(
                        "critical",
                        "individual",
                        false,
                        "billing",
                        "Rule_CriticalSeverity",
                        "urgent",
                        5,
                        "complaint-managers"),
                // critical wins over staff conduct (row order)
                Arguments.of(
                        "critical",
                        "individual",
                        false,
                        "staff-conduct",
                        "Rule_CriticalSeverity",
                        "urgent",
                        5,
                        "complaint-managers"),
                Arguments.of(
                        "low",
                        "individual",
                        false,
                        "staff-conduct",
                        "Rule_StaffConduct",
                        "high",
                        10,
                        "complaint-managers"),
                // staff conduct wins over high severity + widespread
                Arguments.of(
                        "high",
                        "widespread",
                        false,
                        "staff-conduct",
                        "Rule_StaffConduct",
                        "high",
                        10,
                        "complaint-managers"),
                Arguments.of(
                        "medium",
                        "individual",
                        false,
                        "data-protection",
                        "Rule_DataProtection",
                        "high",
                        10,
                        "complaint-managers"),
                Arguments.of(
                        "high",
                        "widespread",
                        false,
                        "delivery",
                        "Rule_HighWidespread",
                        "urgent",
                        5,
                        "complaint-managers"),
                Arguments.of(
                        "high", "several", false, "billing", "Rule_HighSeverity", "high", 10, "complaint-handlers"),
                Arguments.of(
                        "high",
                        "individual",
                        false,
                        "product-quality",
                        "Rule_HighSeverity",
                        "high",
                        10,
                        "complaint-handlers"),
                Arguments.of(
                        "medium",
                        "several",
                        false,
                        "delivery",
                        "Rule_MediumSeveralOrWidespread",
                        "high",
                        10,
                        "complaint-handlers"),
                Arguments.of(
                        "medium",
                        "widespread",
                        false,
                        "other",
                        "Rule_MediumSeveralOrWidespread",
                        "high",
                        10,
                        "complaint-handlers"),
                Arguments.of(
                        "medium",
                        "individual",
                        false,
                        "service",
                        "Rule_MediumSeverity",
                        "normal",
                        15,
                        "complaint-handlers"),
                Arguments.of(
                        "low",
                        "widespread",
                        false,
                        "product-quality",
                        "Rule_LowWidespread",
                        "normal",
                        15,
                        "complaint-handlers"),
                Arguments.of("low", "several", false, "other", "Rule_LowSeverity", "low", 20, "complaint-handlers"),
                Arguments.of(
                        "low", "individual", false, "billing", "Rule_LowSeverity", "low", 20, "complaint-handlers"),
                // no severity recorded (and not safety relevant, no special category): the catch-all row
                Arguments.of(null, "individual", false, "service", "Rule_Default", "normal", 15, "complaint-handlers"),
                Arguments.of(null, null, null, null, "Rule_Default", "normal", 15, "complaint-handlers"));
    }

    @ParameterizedTest(name = "[{index}] {0}/{1}/safety={2}/{3} -> {4}")
    @MethodSource("cases")
    void eachRuleIsHitFirstByItsCase(
            String severity,
            String impact,
            Boolean safetyRelevant,
            String category,
            String expectedRule,
            String priority,
            int responseDays,
            String handlingGroup) {
        DmnDecisionTableResult result = evaluate(severity, impact, safetyRelevant, category);

        assertThat(result).as("hit policy FIRST gives exactly one result").hasSize(1);
        DmnDecisionRuleResult entries = result.getSingleResult();
        assertThat((String) entries.getEntry("priority")).isEqualTo(priority);
        assertThat((Object) entries.getEntry("responseDays")).isEqualTo(responseDays);
        assertThat((String) entries.getEntry("handlingGroup")).isEqualTo(handlingGroup);

        assertThat(evaluations).hasSize(1);
        List<DmnEvaluatedDecisionRule> matched = evaluations.get(0).getMatchingRules();
        assertThat(matched).extracting(DmnEvaluatedDecisionRule::getId).containsExactly(expectedRule);
    }

    @Test
    void theCasesTogetherHitEveryRuleOfTheTable() {
        Set<String> hit = new LinkedHashSet<>();
        cases().forEach(c -> {
            Object[] a = c.get();
            evaluations.clear();
            evaluate((String) a[0], (String) a[1], (Boolean) a[2], (String) a[3]);
            assertThat(evaluations).hasSize(1);
            evaluations.get(0).getMatchingRules().forEach(rule -> hit.add(rule.getId()));
        });
        // the ids come from the engine's evaluation, not from the expectations of the cases
        assertThat(hit).containsExactlyInAnyOrderElementsOf(RULE_IDS);
        assertThat(table().getRules())
                .extracting(DmnDecisionTableRuleImpl::getId)
                .containsExactlyInAnyOrderElementsOf(hit);
    }

    @Test
    void everyRuleHasACase() {
        assertThat(table().getRules())
                .extracting(DmnDecisionTableRuleImpl::getId)
                .as("rule ids of %s in table order", DMN)
                .containsExactlyElementsOf(RULE_IDS);
        assertThat(cases().map(c -> (String) c.get()[4])).containsAll(RULE_IDS);
    }

    @Test
    void everyRuleProducesOnlyValuesTheApplicationAccepts() {
        DmnDecisionTableImpl table = table();
        List<String> outputNames = table.getOutputs().stream()
                .map(DmnDecisionTableOutputImpl::getOutputName)
                .toList();
        assertThat(outputNames).containsExactly("priority", "responseDays", "handlingGroup");
        var feel = ((DefaultDmnEngineConfiguration) engine.getConfiguration()).getFeelEngine();

        for (DmnDecisionTableRuleImpl rule : table.getRules()) {
            Map<String, Object> outputs = new HashMap<>();
            for (int i = 0; i < outputNames.size(); i++) {
                String expression = rule.getConclusions().get(i).getExpression();
                outputs.put(
                        outputNames.get(i),
                        feel.evaluateSimpleExpression(expression, Variables.emptyVariableContext()));
            }
            assertThat(outputs.get("priority"))
                    .as("priority of %s", rule.getId())
                    .isIn(Classification.PRIORITIES.toArray());
            assertThat(outputs.get("handlingGroup"))
                    .as("handling group of %s", rule.getId())
                    .isIn(Classification.HANDLING_GROUPS.toArray());
            assertThat(outputs.get("responseDays"))
                    .as("responseDays of %s", rule.getId())
                    .isInstanceOf(Number.class);
            assertThat(((Number) outputs.get("responseDays")).longValue())
                    .as("responseDays of %s", rule.getId())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void everyCombinationOfAllowedInputsGivesOneAcceptedResult() {
        // what a handler can enter on the form: every combination must be classified, never an empty result
        List<Boolean> flags = List.of(true, false);
        int combinations = 0;
        for (String severity : Classification.SEVERITIES) {
            for (String impact : Classification.IMPACTS) {
                for (Boolean safety : flags) {
                    for (String category : Classification.CATEGORIES) {
                        DmnDecisionTableResult result = evaluate(severity, impact, safety, category);
                        String input = severity + "/" + impact + "/" + safety + "/" + category;
                        assertThat(result).as(input).hasSize(1);
                        DmnDecisionRuleResult entries = result.getSingleResult();
                        assertThat((String) entries.getEntry("priority"))
                                .as(input)
                                .isIn(Classification.PRIORITIES);
                        assertThat((String) entries.getEntry("handlingGroup"))
                                .as(input)
                                .isIn(Classification.HANDLING_GROUPS);
                        assertThat((Integer) entries.getEntry("responseDays"))
                                .as(input)
                                .isGreaterThanOrEqualTo(1);
                        if (safety) {
                            assertThat((String) entries.getEntry("priority"))
                                    .as(input)
                                    .isEqualTo("urgent");
                        }
                        combinations++;
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(4 * 3 * 2 * 7);
    }

    private static DmnDecisionTableResult evaluate(
            String severity, String impact, Boolean safetyRelevant, String category) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("severity", severity);
        variables.put("impact", impact);
        variables.put("safetyRelevant", safetyRelevant);
        variables.put("category", category);
        return engine.evaluateDecisionTable(decision, variables);
    }

    private static DmnDecisionTableImpl table() {
        return (DmnDecisionTableImpl) decision.getDecisionLogic();
    }
}
