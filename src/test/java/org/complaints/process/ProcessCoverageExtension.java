package org.complaints.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Process test coverage, registered by {@link ProcessTest}: tells {@link ProcessCoverage} which process test class
 * is running, writes target/process-test-coverage/&lt;process key&gt;.md after each class, and after the last
 * {@code @ProcessTest} class fails that class if a flow node or sequence flow of any diagram in processes/ was never
 * reached, naming them. A run of only some process test classes (one class in the IDE) writes the report and checks
 * nothing: the diagrams are covered by all process test classes together.
 */
public class ProcessCoverageExtension implements BeforeAllCallback, AfterAllCallback {

    static final Path DIAGRAMS = Path.of("processes");
    static final Path REPORTS = Path.of("target", "process-test-coverage");

    private static final Set<String> FINISHED = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!context.getRequiredTestClass().isMemberClass()
                && !ProcessTestBase.class.isAssignableFrom(context.getRequiredTestClass())) {
            throw new IllegalStateException(context.getRequiredTestClass().getSimpleName()
                    + " is a @ProcessTest and so extends ProcessTestBase, which gives it the engine's services, the"
                    + " SMTP server and the staff support, and resets the clock after each test");
        }
        ProcessCoverage.running(context.getRequiredTestClass().getName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        // back to the enclosing class after a @Nested one, to none after a top-level one
        ProcessCoverage.running(context.getParent()
                .flatMap(ExtensionContext::getTestClass)
                .map(Class::getName)
                .orElse(null));
        FINISHED.add(context.getRequiredTestClass().getName());
        List<String> missed = new ArrayList<>();
        for (Diagram diagram : diagrams()) {
            missed.addAll(diagram.report());
        }
        Set<String> notRun = new TreeSet<>(processTestClasses());
        notRun.removeAll(FINISHED);
        if (notRun.isEmpty() && !missed.isEmpty()) {
            throw new AssertionError("Process test coverage: no process test reaches these flow nodes and sequence "
                    + "flows (reports in " + REPORTS + "):\n  " + String.join("\n  ", missed));
        }
    }

    /** Every class annotated with {@link ProcessTest}, run or not. */
    static Set<String> processTestClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessTest.class));
        Set<String> classes = new TreeSet<>();
        scanner.findCandidateComponents("org.complaints")
                .forEach(candidate -> classes.add(candidate.getBeanClassName()));
        return classes;
    }

    static List<Diagram> diagrams() throws IOException {
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bpmn"))
                    .sorted()
                    .flatMap(f -> Diagram.of(f).stream())
                    .toList();
        }
    }

    /** The flow nodes and sequence flows of one process of a diagram file. */
    record Diagram(
            String file, String key, Set<String> nodes, Set<String> flows, Map<String, String> eventGatewayFlows) {

        static List<Diagram> of(Path file) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            List<Diagram> diagrams = new ArrayList<>();
            for (Process process : model.getModelElementsByType(Process.class)) {
                Set<String> nodeIds = new TreeSet<>();
                Set<String> flowIds = new TreeSet<>();
                Map<String, String> eventGatewayFlows = new ConcurrentHashMap<>();
                collect(process.getFlowElements(), nodeIds, flowIds, eventGatewayFlows);
                diagrams.add(new Diagram(
                        file.getFileName().toString(), process.getId(), nodeIds, flowIds, eventGatewayFlows));
            }
            return diagrams;
        }

        /** Nodes and flows of a process, and of its sub-processes. */
        private static void collect(
                Collection<? extends BaseElement> elements,
                Set<String> nodes,
                Set<String> flows,
                Map<String, String> eventGatewayFlows) {
            for (BaseElement element : elements) {
                if (element instanceof FlowNode node) {
                    nodes.add(node.getId());
                    if (node instanceof SubProcess sub) {
                        collect(sub.getFlowElements(), nodes, flows, eventGatewayFlows);
                    }
                } else if (element instanceof SequenceFlow flow) {
                    flows.add(flow.getId());
                    if (flow.getSource() instanceof EventBasedGateway) {
                        eventGatewayFlows.put(flow.getId(), flow.getTarget().getId());
                    }
                }
            }
        }

        /** Writes this diagram's report; returns what no test reached, as "file: id". */
        List<String> report() throws IOException {
            Set<String> covered = ProcessCoverage.covered(key);
            // an event-based gateway's flows are never "taken": the event behind one counts for it
            eventGatewayFlows.forEach((flow, target) -> {
                if (covered.contains(target)) {
                    covered.add(flow);
                }
            });
            Set<String> missedNodes = new TreeSet<>(nodes);
            missedNodes.removeAll(covered);
            Set<String> missedFlows = new TreeSet<>(flows);
            missedFlows.removeAll(covered);

            StringBuilder report = new StringBuilder("# Process test coverage: " + key + "\n\n")
                    .append("| | total | covered | % |\n|---|---|---|---|\n")
                    .append(row("flow nodes", nodes.size(), missedNodes.size()))
                    .append(row("sequence flows", flows.size(), missedFlows.size()))
                    .append("\nNot covered: ")
                    .append(
                            missedNodes.isEmpty() && missedFlows.isEmpty()
                                    ? "none"
                                    : String.join(", ", missedNodes) + " " + String.join(", ", missedFlows))
                    .append('\n')
                    .append("\nReached by:\n");
            ProcessCoverage.coveredByClass(key)
                    .forEach((testClass, ids) -> report.append("- ")
                            .append(testClass.substring(testClass.lastIndexOf('.') + 1))
                            .append(": ")
                            .append(ids.size())
                            .append(" flow nodes and sequence flows\n"));
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(key + ".md"), report.toString());

            List<String> missed = new ArrayList<>();
            if (nodes.isEmpty()) {
                missed.add(file + ": process " + key + " has no flow nodes");
            }
            missedNodes.forEach(id -> missed.add(file + ": flow node " + id));
            missedFlows.forEach(id -> missed.add(file + ": sequence flow " + id));
            return missed;
        }

        private static String row(String what, int total, int missed) {
            int covered = total - missed;
            return "| " + what + " | " + total + " | " + covered + " | "
                    + (total == 0 ? 100 : Math.round(100.0 * covered / total)) + " |\n";
        }
    }
}
