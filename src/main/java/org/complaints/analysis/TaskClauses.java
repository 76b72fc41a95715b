package org.complaints.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The ISO 10002:2018 clause of each task of a deployed diagram, read from the task's documentation: the diagrams
 * are the source of truth, so a process owner changes a task's clause in Modeler, not in Java. The documentation
 * starts with {@code ISO 10002:2018 }, then the clause the task evidences, then any further clauses it serves, then
 * a colon: {@code ISO 10002:2018 7.5 Initial assessment: ...} or {@code ISO 10002:2018 7.7 and 4.12: ...}; the
 * first clause number is the task's clause. Read once per process definition (a deployed version never changes).
 */
@Component
class TaskClauses {

    private static final Logger LOG = LoggerFactory.getLogger(TaskClauses.class);
    private static final String PREFIX = "ISO 10002:2018 ";
    private static final Pattern CLAUSE_NUMBER = Pattern.compile("(?<![\\d.])\\d+\\.\\d+(?![\\d.])");

    private final Function<String, BpmnModelInstance> deployedModels;
    private final Map<String, Map<String, IsoClause>> byProcessDefinition = new ConcurrentHashMap<>();

    @Autowired
    TaskClauses(RepositoryService repository) {
        this(repository::getBpmnModelInstance);
    }

    /** {@code deployedModels}: the diagram of a process definition id. */
    TaskClauses(Function<String, BpmnModelInstance> deployedModels) {
        this.deployedModels = deployedModels;
    }

    /** The clause of task {@code taskDefinitionKey} in the process definition {@code processDefinitionId}. */
    Optional<IsoClause> of(String processDefinitionId, String taskDefinitionKey) {
        if (processDefinitionId == null || taskDefinitionKey == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byProcessDefinition
                .computeIfAbsent(processDefinitionId, this::load)
                .get(taskDefinitionKey));
    }

    private Map<String, IsoClause> load(String processDefinitionId) {
        BpmnModelInstance model;
        try {
            model = deployedModels.apply(processDefinitionId);
        } catch (ProcessEngineException e) {
            LOG.warn(
                    "Evidence record: process definition {} is not deployed; its tasks' clauses are not known: {}",
                    processDefinitionId,
                    e.getMessage());
            return Map.of();
        }
        List<String> problems = new ArrayList<>();
        Map<String, IsoClause> clauses = ofModel(model, problems);
        problems.forEach(
                problem -> LOG.warn("Evidence record: {} in process definition {}", problem, processDefinitionId));
        return clauses;
    }

    /**
     * The clause of every task of {@code model} whose documentation names one; for each other task a sentence in
     * {@code problems} saying why not.
     */
    static Map<String, IsoClause> ofModel(BpmnModelInstance model, List<String> problems) {
        Map<String, IsoClause> clauses = new LinkedHashMap<>();
        for (Task task : model.getModelElementsByType(Task.class)) {
            try {
                clauses.put(task.getId(), parse(documentation(task.getDocumentations())));
            } catch (IllegalArgumentException e) {
                problems.add(task.getElementType().getTypeName() + " " + task.getId() + " ('" + task.getName() + "'): "
                        + e.getMessage());
            }
        }
        return clauses;
    }

    /** The clause a documentation text names first, or an {@link IllegalArgumentException} saying what is amiss. */
    static IsoClause parse(String documentation) {
        if (documentation == null || documentation.isBlank()) {
            throw new IllegalArgumentException("no documentation; it must start with '" + PREFIX + "<clause>:'");
        }
        String text = documentation.strip().replaceAll("\\s+", " ");
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("the documentation does not start with '" + PREFIX + "<clause>:'");
        }
        String rest = text.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no ':' after the clauses in '" + PREFIX + "<clause>:'");
        }
        String clauses = rest.substring(0, colon);
        Matcher number = CLAUSE_NUMBER.matcher(clauses);
        if (!number.find() || number.start() != 0) {
            throw new IllegalArgumentException(
                    "'" + PREFIX + "' is not followed by a clause number: '" + clauses + "'");
        }
        IsoClause first = null;
        do {
            IsoClause clause = IsoClause.byNumber(number.group())
                    .orElseThrow(() -> new IllegalArgumentException("ISO 10002:2018 has no clause " + number.group()
                            + " the evidence record knows (analysis/IsoClause)"));
            first = first == null ? clause : first;
        } while (number.find());
        return first;
    }

    private static String documentation(Collection<Documentation> documentations) {
        return documentations.isEmpty()
                ? null
                : documentations.iterator().next().getTextContent();
    }
}
