package org.complaints.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The remembering FEEL engine answers exactly as Camunda's own, and asks it only once per literal cell and input. */
class LiteralFeelEngineTest {

    private static final List<String> TESTS = List.of(
            "\"low\"",
            "\"low\",\"medium\"",
            "not(\"low\", \"high\")",
            "-",
            "true",
            "false",
            "5",
            "< 5",
            ">= 10",
            "[1..10]",
            "(1..10)",
            "]1..10[",
            "-3",
            "!= 4",
            "null",
            "\"with \\\" quote\"",
            // not literal: these must reach the FEEL engine every time
            "limit",
            "< limit",
            "starts with(?, \"lo\")",
            "date(\"2026-01-01\")");
    private static final List<Object> INPUTS = new ArrayList<>(
            List.of("low", "medium", "high", "5", "with \" quote", true, false, 5, 5L, 0L, 10.0, -3, 4));

    static {
        INPUTS.add(null);
    }

    private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();

    @Test
    void answersEveryTestAsTheFeelEngineDoes() {
        LiteralFeelEngine remembering = new LiteralFeelEngine(scala);
        for (int round = 0; round < 2; round++) { // the second round is answered from memory
            for (String test : TESTS) {
                for (Object input : INPUTS) {
                    VariableContext variables = Variables.createVariables()
                            .putValue("cellInput", input)
                            .putValue("limit", 7L)
                            .asVariableContext();
                    assertThat(answer(() -> remembering.evaluateSimpleUnaryTests(test, "cellInput", variables)))
                            .as("%s for %s", test, input)
                            .isEqualTo(answer(() -> scala.evaluateSimpleUnaryTests(test, "cellInput", variables)));
                }
            }
        }
        for (String expression : List.of(
                "\"urgent\"",
                "5",
                "-2.5",
                "true",
                "limit",
                "limit + 1",
                "severity",
                " severity ",
                "safetyRelevant",
                "empty",
                "count",
                "ratio",
                "when")) {
            VariableContext variables = Variables.createVariables()
                    .putValue("limit", 7L)
                    .putValue("severity", "high")
                    .putValue("safetyRelevant", false)
                    .putValue("empty", null)
                    .putValue("count", 3)
                    .putValue("ratio", 0.5)
                    .putValue("when", new java.util.Date(0))
                    .asVariableContext();
            Object expected = scala.evaluateSimpleExpression(expression, variables);
            assertThat((Object) remembering.evaluateSimpleExpression(expression, variables))
                    .isEqualTo(expected);
            assertThat((Object) remembering.evaluateSimpleExpression(expression, variables))
                    .isEqualTo(expected);
        }
    }

    @Test
    void asksTheFeelEngineOncePerLiteralCellAndInputButAlwaysForCellsNamingVariables() {
        AtomicInteger asked = new AtomicInteger();
        FeelEngine counting = new FeelEngine() {
            @Override
            public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
                asked.incrementAndGet();
                return scala.evaluateSimpleExpression(expression, variables);
            }

            @Override
            public boolean evaluateSimpleUnaryTests(String expression, String input, VariableContext variables) {
                asked.incrementAndGet();
                return scala.evaluateSimpleUnaryTests(expression, input, variables);
            }
        };
        LiteralFeelEngine remembering = new LiteralFeelEngine(counting);
        for (int i = 0; i < 10; i++) {
            remembering.evaluateSimpleUnaryTests("\"high\",\"critical\"", "x", context("x", "high", "limit", 3L));
            remembering.evaluateSimpleUnaryTests("\"high\",\"critical\"", "x", context("x", "low", "limit", 3L));
            remembering.evaluateSimpleExpression("\"complaint-managers\"", context("limit", 3L));
        }
        assertThat(asked).hasValue(3);
        // an input expression naming a text or flag variable is that value, without the FEEL engine
        assertThat((Object) remembering.evaluateSimpleExpression("x", context("x", "high", "limit", 3L)))
                .isEqualTo("high");
        assertThat((Object) remembering.evaluateSimpleExpression("x", context("x", true, "limit", 3L)))
                .isEqualTo(true);
        assertThat(asked).hasValue(3);
        // a cell naming a variable depends on more than its input: never remembered
        assertThat(remembering.evaluateSimpleUnaryTests("< limit", "x", context("x", 2L, "limit", 3L)))
                .isTrue();
        assertThat(remembering.evaluateSimpleUnaryTests("< limit", "x", context("x", 2L, "limit", 1L)))
                .isFalse();
        // an input that is not a plain value (here a date) goes to the FEEL engine too
        java.util.Date now = new java.util.Date();
        remembering.evaluateSimpleUnaryTests("null", "x", context("x", now, "limit", 3L));
        remembering.evaluateSimpleUnaryTests("null", "x", context("x", now, "limit", 3L));
        assertThat(asked).hasValue(7);
    }

    /** The complaint assessment table decides every combination of its inputs as with Camunda's own FEEL engine. */
    @Test
    void decidesTheAssessmentTableAsBefore() throws Exception {
        DmnEngine plain =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(LiteralFeelEngine.factory());
        DmnEngine remembering = configuration.buildEngine();
        DmnDecision plainDecision;
        DmnDecision rememberingDecision;
        try (InputStream a = Files.newInputStream(Path.of("processes/complaint-assessment.dmn"));
                InputStream b = Files.newInputStream(Path.of("processes/complaint-assessment.dmn"))) {
            plainDecision = plain.parseDecision("complaint-assessment", a);
            rememberingDecision = remembering.parseDecision("complaint-assessment", b);
        }
        int cases = 0;
        for (String severity : new String[] {"low", "medium", "high", "critical", "unknown"}) {
            for (String impact : new String[] {"individual", "several", "widespread"}) {
                for (boolean safety : new boolean[] {true, false}) {
                    for (String category : new String[] {
                        "product-quality", "service", "billing", "delivery", "staff-conduct", "data-protection", "other"
                    }) {
                        VariableMap inputs = Variables.createVariables()
                                .putValue("severity", severity)
                                .putValue("impact", impact)
                                .putValue("safetyRelevant", safety)
                                .putValue("category", category);
                        for (int twice = 0; twice < 2; twice++) {
                            DmnDecisionResult expected = plain.evaluateDecision(plainDecision, inputs);
                            DmnDecisionResult actual = remembering.evaluateDecision(rememberingDecision, inputs);
                            assertThat(actual.getResultList()).isEqualTo(expected.getResultList());
                        }
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(210);
    }

    private static VariableContext context(Object... pairs) {
        VariableMap variables = Variables.createVariables();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.putValue((String) pairs[i], pairs[i + 1]);
        }
        return variables.asVariableContext();
    }

    private interface Answer {
        boolean get();
    }

    /** The answer, or the kind of failure (a test the FEEL engine refuses must be refused the same way). */
    private static Object answer(Answer answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
