package org.complaints.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.complaints.engine.register.TaskResultRule;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.EventOrigin;
import org.junit.jupiter.api.Test;

/**
 * Every step a complaint's record can hold has an ISO 10002:2018 clause, from one source each: the documentation of
 * every task of every diagram, {@link EventClauses} for every event type the code appends, {@link MailClauses} for
 * every e-mail template. Reads the files as they are in the working tree; no application context.
 */
class IsoClausesTest {

    private static final Pattern EVENTS_APPEND = Pattern.compile("\\bevents\\.append\\(");
    private static final Pattern TYPE_LITERAL = Pattern.compile("\"([A-Z][A-Z_]*)\"");

    @Test
    void everyTaskOfEveryDiagramNamesItsClauseInItsDocumentation() throws IOException {
        List<String> problems = new ArrayList<>();
        int tasks = 0;
        for (Path file : files(Path.of("processes"), ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            List<String> inFile = new ArrayList<>();
            Map<String, IsoClause> clauses = TaskClauses.ofModel(model, inFile);
            inFile.forEach(problem -> problems.add(file + ": " + problem));
            tasks += model.getModelElementsByType(Task.class).size();
            assertThat(clauses.size() + inFile.size())
                    .isEqualTo(model.getModelElementsByType(Task.class).size());
        }
        assertThat(problems)
                .as("tasks whose documentation does not start with 'ISO 10002:2018 <clause>:'")
                .isEmpty();
        assertThat(tasks).as("tasks read from processes/*.bpmn").isGreaterThan(40);
    }

    @Test
    void everyEventTypeTheCodeAppendsHasAClauseAndTheCatalogueHasNoOtherType() throws IOException {
        Map<String, Set<String>> appended = new HashMap<>();
        List<String> computed = new ArrayList<>();
        for (Path file : files(Path.of("src/main/java"), ".java")) {
            String source = Files.readString(file);
            Matcher call = EVENTS_APPEND.matcher(source);
            while (call.find()) {
                String type = arguments(source, call.end()).get(1);
                Matcher literal = TYPE_LITERAL.matcher(type);
                boolean found = false;
                while (literal.find()) {
                    appended.computeIfAbsent(literal.group(1), t -> new TreeSet<>())
                            .add(file.getFileName().toString());
                    found = true;
                }
                if (!found) {
                    computed.add(file + ": " + type);
                }
            }
        }
        assertThat(computed)
                .as("event types not written as a literal where they are appended: the test cannot " + "check them")
                .isEmpty();
        assertThat(appended.keySet())
                .as("event types appended in src/main/java")
                .hasSizeGreaterThan(30)
                .contains("RECEIVED", "TASK_COMPLETED", "MAIL_SENT", "LEGAL_HOLD_RELEASED");
        Set<String> missing = appended.keySet().stream()
                .filter(t -> EventClauses.of(t).isEmpty())
                .map(t -> t + " (" + appended.get(t) + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing)
                .as("event types without an entry in analysis/EventClauses")
                .isEmpty();
        Set<String> neverAppended = Arrays.stream(EventClauses.values())
                .map(Enum::name)
                .filter(t -> !appended.containsKey(t))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(neverAppended)
                .as("entries of analysis/EventClauses no code appends")
                .isEmpty();
    }

    @Test
    void everyMailTemplateHasAClauseAndTheCatalogueHasNoOtherTemplate() throws IOException {
        Set<String> templates = files(Path.of("src/main/resources/templates/mail"), ".txt").stream()
                .map(f -> f.getFileName().toString().replaceFirst("\\.txt$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(templates).hasSizeGreaterThan(5);
        Set<String> catalogued = Arrays.stream(MailClauses.values())
                .map(MailClauses::template)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogued).as("templates in analysis/MailClauses").isEqualTo(templates);
    }

    @Test
    void theDocumentationNamesTheTasksClauseFirst() {
        assertThat(TaskClauses.parse("ISO 10002:2018 7.5 Initial assessment: a handler confirms"))
                .isEqualTo(IsoClause.INITIAL_ASSESSMENT);
        assertThat(TaskClauses.parse("ISO 10002:2018 7.7 and 4.12: records the proposal"))
                .isEqualTo(IsoClause.RESPONSE);
        assertThat(TaskClauses.parse("ISO 10002:2018 8.6, 4.15 Escalation: the action passed its due date"))
                .isEqualTo(IsoClause.MANAGEMENT_REVIEW);
        assertThat(TaskClauses.parse("ISO 10002:2018 7.9 and ISO 10003: external dispute resolution"))
                .isEqualTo(IsoClause.CLOSING);
        assertThat(TaskClauses.parse("\n    ISO 10002:2018\n 4.10 Confidentiality: with line breaks\n"))
                .isEqualTo(IsoClause.CONFIDENTIALITY);
        for (String wrong : new String[] {
            null,
            " ",
            "Confirms the assessment (7.5).",
            "ISO 10002 7.5 Initial assessment: the year is part of the form",
            "ISO 10002:2018 7.5 without a colon",
            "ISO 10002:2018 Initial assessment 7.5: clause first",
            "ISO 10002:2018 7.55: no such clause",
            "ISO 10002:2018 7.5 and 9.1: every clause must exist"
        }) {
            assertThatThrownBy(() -> TaskClauses.parse(wrong))
                    .as(String.valueOf(wrong))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * A completed task's step has the clause its documentation names in the diagram version that ran it; the diagram
     * is the one deployed, looked up by the process definition id the event log recorded with the task.
     */
    @Test
    void aCompletedTasksStepHasTheClauseOfTheTasksDocumentation() throws IOException {
        BpmnModelInstance diagram = Bpmn.readModelFromFile(
                Path.of("processes/complaint-handling.bpmn").toFile());
        List<String> asked = new ArrayList<>();
        IsoClauses clauses = new IsoClauses(new TaskClauses(id -> {
            asked.add(id);
            return diagram;
        }));
        List<UserTask> recorded = diagram.getModelElementsByType(UserTask.class).stream()
                .filter(t -> TaskResultRule.recorderOf(t) == TaskResultRule.Recorder.TASK_RESULT_RECORDER)
                .toList();
        assertThat(recorded)
                .as("user tasks that record their completion in the event log")
                .hasSizeGreaterThan(2);
        for (UserTask task : recorded) {
            String documentation = task.getDocumentations().iterator().next().getTextContent();
            Matcher first = Pattern.compile("^ISO 10002:2018 (\\d+\\.\\d+)").matcher(documentation.strip());
            assertThat(first.find()).as(task.getId()).isTrue();
            Optional<StepClause> clause =
                    clauses.of(taskCompleted("complaint-handling:3:abc", task.getId(), task.getName()));
            assertThat(clause).as(task.getId()).isPresent();
            assertThat(clause.get().clause().number()).as(task.getId()).isEqualTo(first.group(1));
        }
        assertThat(clauses.of(taskCompleted(
                                "complaint-handling:3:abc", "Task_TakeImmediateAction", "Take immediate action"))
                        .map(StepClause::label))
                .contains("7.5 Initial assessment");
        assertThat(asked)
                .as("the diagram is read once per process definition")
                .containsExactly("complaint-handling:3:abc");
    }

    @Test
    void aStepNobodyRecordedAClauseForHasNone() {
        IsoClauses clauses = new IsoClauses(new TaskClauses(id -> Bpmn.readModelFromFile(
                Path.of("processes/complaint-handling.bpmn").toFile())));
        assertThat(clauses.of(event("SOMETHING_NEW", EventOrigin.NONE))).isEmpty();
        assertThat(clauses.of(taskCompleted("complaint-handling:3:abc", "Task_NotInTheDiagram", "Gone")))
                .isEmpty();
        assertThat(clauses.of(event("TASK_COMPLETED", EventOrigin.NONE))).isEmpty();
        assertThat(clauses.of(event("MAIL_SENT", EventOrigin.mail("newsletter"))))
                .isEmpty();
        assertThat(clauses.of(event("MAIL_SENT", EventOrigin.NONE))).isEmpty();
        IsoClauses undeployed = new IsoClauses(new TaskClauses(id -> {
            throw new NullValueException("no deployed process definition " + id);
        }));
        assertThat(undeployed.of(taskCompleted("complaint-handling:1:gone", "Task_CarryOutRemedy", "Carry out remedy")))
                .isEmpty();
    }

    @Test
    void eventsAndEmailsHaveTheirCataloguedClause() {
        IsoClauses clauses = new IsoClauses(new TaskClauses(id -> {
            throw new AssertionError("no diagram is needed for " + id);
        }));
        assertThat(clauses.of(event("RECEIVED", EventOrigin.NONE)).map(StepClause::label))
                .contains("7.2 Receipt");
        assertThat(clauses.of(event("APPROVED", EventOrigin.NONE)).map(StepClause::label))
                .contains("7.7 Response (four eyes)");
        assertThat(clauses.of(event("MAIL_SENT", EventOrigin.mail("decision"))).map(StepClause::label))
                .contains("7.8 Communicating the decision");
        assertThat(clauses.of(event("MAIL_NOT_DELIVERED", EventOrigin.mail("acknowledgement")))
                        .map(StepClause::label))
                .contains("7.4 Acknowledgement");
    }

    private static ComplaintEvent taskCompleted(String processDefinitionId, String taskKey, String name) {
        return new ComplaintEvent(
                1,
                1,
                Instant.EPOCH,
                "TASK_COMPLETED",
                "handler",
                name + " completed",
                null,
                EventOrigin.task(processDefinitionId, taskKey));
    }

    private static ComplaintEvent event(String type, EventOrigin origin) {
        return new ComplaintEvent(1, 1, Instant.EPOCH, type, "system", "A step", null, origin);
    }

    /** The top-level arguments of the call whose argument list starts at {@code start}, as source text. */
    private static List<String> arguments(String source, int start) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int from = start;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                for (i++; source.charAt(i) != '"'; i++) {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '\'') {
                for (i++; source.charAt(i) != '\''; i++) {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' && depth == 0) || c == ')') {
                arguments.add(source.substring(from, i).strip());
                from = i + 1;
                if (c == ')') {
                    return arguments;
                }
            }
        }
        throw new IllegalStateException("unterminated call at " + start);
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
