package org.complaints.engine.decision;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's FEEL engine, remembering the answers that cannot change. Every cell of a decision table is a FEEL
 * evaluation, and the FEEL engine of Camunda 7.24 parses the cell and builds its whole library of built-in
 * functions for each one, the largest share of an intake's CPU time (bench/FINDINGS.md, 'FEEL'), for cells such as
 * {@code "critical"} or {@code "low","medium"}. A cell made only of literals (strings, numbers, booleans, with
 * comparisons, ranges, lists and {@code not(...)}) compared with a plain input value (text, number, boolean, null)
 * gives the same answer every time, so that answer is kept; an input expression that only names a text or flag
 * variable is answered with its value; anything else (a cell naming a variable or a function,
 * a date, an object) goes to the FEEL engine as before. Process owners keep writing full FEEL in Modeler.
 */
public final class LiteralFeelEngine implements FeelEngine {

    /** Answers kept at most; a table edited in Modeler and redeployed brings new cells, the old ones age out. */
    static final int MAX_ENTRIES = 20_000;

    private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    private static final String LITERAL = "(?:" + STRING + "|" + NUMBER + "|true|false|null)";
    private static final String TEST = "(?:(?:<=|>=|<|>|=|!=)?\\s*" + LITERAL + "|[\\[\\(\\]]\\s*" + NUMBER
            + "\\s*\\.\\.\\s*" + NUMBER + "\\s*[\\]\\)\\[])";
    private static final String TESTS = TEST + "(?:\\s*,\\s*" + TEST + ")*";
    private static final Pattern LITERAL_EXPRESSION = Pattern.compile("\\s*" + LITERAL + "\\s*");
    private static final Pattern LITERAL_TESTS =
            Pattern.compile("\\s*(?:" + TESTS + "|not\\s*\\(\\s*" + TESTS + "\\s*\\)|-)\\s*");
    private static final Pattern NAME = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");
    private static final Set<String> FEEL_WORDS = Set.of(
            "true",
            "false",
            "null",
            "not",
            "and",
            "or",
            "for",
            "some",
            "every",
            "if",
            "then",
            "else",
            "in",
            "return",
            "between",
            "instance",
            "of",
            "function",
            "satisfies");
    private static final Set<Class<?>> PLAIN_INPUTS = Set.of(
            String.class,
            Boolean.class,
            Integer.class,
            Long.class,
            Short.class,
            Double.class,
            Float.class,
            BigDecimal.class);

    private final FeelEngine feel;
    private final Map<String, Object> expressions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tests = new ConcurrentHashMap<>();

    public LiteralFeelEngine(FeelEngine feel) {
        this.feel = feel;
    }

    /** The factory the DMN engine takes: Camunda's FEEL engine (Scala), wrapped. */
    public static FeelEngineFactory factory() {
        ScalaFeelEngineFactory scala = new ScalaFeelEngineFactory();
        return () -> new LiteralFeelEngine(scala.createInstance());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        Object named = textOrFlagNamed(expression, variables);
        if (named != null) {
            return (T) named;
        }
        if (expression == null || !LITERAL_EXPRESSION.matcher(expression).matches()) {
            return feel.evaluateSimpleExpression(expression, variables);
        }
        Object known = expressions.get(expression);
        if (known == null) {
            known = feel.evaluateSimpleExpression(expression, variables);
            if (known != null) {
                remember(expressions, expression, known);
            }
        }
        return (T) known;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        Object input = plainInput(inputVariable, variables);
        if (input == NOT_PLAIN
                || expression == null
                || !LITERAL_TESTS.matcher(expression).matches()) {
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
        // the input's type is part of the key: 5 and "5" are different inputs
        String key = expression
                + '\u0000'
                + (input == null ? "null" : input.getClass().getName() + '\u0000' + input);
        Boolean known = tests.get(key);
        if (known == null) {
            known = feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
            remember(tests, key, known);
        }
        return known;
    }

    private static final Object NOT_PLAIN = new Object();

    /**
     * An input expression that only names a variable holding text or a flag ({@code severity}) is that value, as
     * FEEL would give it; such names are most of a decision's remaining FEEL time. Any other
     * value (numbers, which FEEL converts, dates, null) and any other expression goes to the FEEL engine.
     */
    private static Object textOrFlagNamed(String expression, VariableContext variables) {
        if (expression == null
                || !NAME.matcher(expression).matches()
                || FEEL_WORDS.contains(expression.strip())
                || !variables.containsVariable(expression.strip())) {
            return null;
        }
        TypedValue typed = variables.resolve(expression.strip());
        Object value = typed == null ? null : typed.getValue();
        return value instanceof String || value instanceof Boolean ? value : null;
    }

    private static Object plainInput(String inputVariable, VariableContext variables) {
        if (inputVariable == null || !variables.containsVariable(inputVariable)) {
            return NOT_PLAIN;
        }
        TypedValue typed = variables.resolve(inputVariable);
        Object value = typed == null ? null : typed.getValue();
        return value == null || PLAIN_INPUTS.contains(value.getClass()) ? value : NOT_PLAIN;
    }

    private static <V> void remember(Map<String, V> answers, String key, V value) {
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        answers.put(key, value);
    }
}
