package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What process owners need from the model files in Camunda Modeler, checked in every build: Camunda 7 as
 * execution platform, a diagram shape for every element, no overlapping shapes, meaningful ids, the ISO clause
 * in every element's documentation, and forms that resolve.
 */
class ModelFilesTest {

    private static final String MODELER = "http://camunda.org/schema/modeler/1.0";

    static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path file : files("forms", ".form")) {
            JsonNode form = new ObjectMapper().readTree(file.toFile());
            assertThat(form.path("id").asText()).as(file + " id").isEqualTo(file.getFileName().toString().replace(".form", ""));
            assertThat(form.path("executionPlatform").asText()).as(file.toString()).isEqualTo("Camunda Platform");
            assertThat(forms.put(form.path("id").asText(), form)).as("form id used twice: " + file).isNull();
        }
        return forms;
    }

    @Test
    void everyDiagramDeclaresCamunda7AndShowsEveryElementWithoutOverlaps() throws IOException {
        List<Path> diagrams = files("processes", ".bpmn");
        assertThat(diagrams).isNotEmpty();
        for (Path file : diagrams) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            assertThat(model.getDefinitions().getAttributeValueNs(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
            assertThat(model.getDefinitions().getAttributeValueNs(MODELER, "executionPlatformVersion")).startsWith("7.");
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + " history time-to-live").isNotBlank();
            }
            Map<String, Bounds> shapes = new HashMap<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.put(s.getBpmnElement().getId(), s.getBounds()));
            Set<String> edges = new HashSet<>();
            model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
            List<String> problems = new ArrayList<>();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (!shapes.containsKey(node.getId())) {
                    problems.add(node.getId() + " has no shape");
                }
                if (node.getId().matches("(Activity|Event|Gateway|StartEvent|EndEvent|Task)_[0-9a-z]{7}")) {
                    problems.add(node.getId() + " looks generated");
                }
                if (node.getName() == null && !(node instanceof org.camunda.bpm.model.bpmn.instance.Gateway)) {
                    problems.add(node.getId() + " has no name");
                }
                String documentation = node.getDocumentations().stream().map(Documentation::getTextContent)
                        .reduce("", String::concat);
                if (!documentation.contains("ISO 10002")) {
                    problems.add(node.getId() + " does not name its ISO 10002 clause");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (!edges.contains(flow.getId())) {
                    problems.add(flow.getId() + " has no edge");
                }
            }
            problems.addAll(overlaps(model, shapes));
            problems.addAll(labelsOverShapes(model, shapes));
            assertThat(problems).as(file.toString()).isEmpty();
        }
    }

    /** Shapes of the same container may not overlap (boundary events sit on their host's border by design). */
    private static List<String> overlaps(BpmnModelInstance model, Map<String, Bounds> shapes) {
        List<FlowNode> nodes = model.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> !(n instanceof BoundaryEvent)).toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                FlowNode a = nodes.get(i);
                FlowNode b = nodes.get(j);
                if (a.getParentElement() != b.getParentElement()) {
                    continue;
                }
                Bounds p = shapes.get(a.getId());
                Bounds q = shapes.get(b.getId());
                if (p != null && q != null && p.getX() < q.getX() + q.getWidth() && q.getX() < p.getX() + p.getWidth()
                        && p.getY() < q.getY() + q.getHeight() && q.getY() < p.getY() + p.getHeight()) {
                    problems.add(a.getId() + " overlaps " + b.getId());
                }
            }
        }
        return problems;
    }

    /** A label (of an event, gateway or flow) may not lie on a task, event or gateway: it would be unreadable. */
    private static List<String> labelsOverShapes(BpmnModelInstance model, Map<String, Bounds> shapes) {
        List<String> problems = new ArrayList<>();
        Map<String, Bounds> labels = new HashMap<>();
        model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnLabel() != null)
                .forEach(s -> labels.put(s.getBpmnElement().getId(), s.getBpmnLabel().getBounds()));
        model.getModelElementsByType(BpmnEdge.class).stream().filter(e -> e.getBpmnLabel() != null)
                .forEach(e -> labels.put(e.getBpmnElement().getId(), e.getBpmnLabel().getBounds()));
        for (Map.Entry<String, Bounds> label : labels.entrySet()) {
            Bounds l = label.getValue();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                Bounds n = shapes.get(node.getId());
                if (node.getId().equals(label.getKey()) || n == null || node instanceof SubProcess) {
                    continue;
                }
                if (l.getX() < n.getX() + n.getWidth() && n.getX() < l.getX() + l.getWidth()
                        && l.getY() < n.getY() + n.getHeight() && n.getY() < l.getY() + l.getHeight()) {
                    problems.add("the label of " + label.getKey() + " lies on " + node.getId());
                }
            }
        }
        return problems;
    }

    @Test
    void everyUserTaskAndTheStaffStartEventUseAFormThatExists() throws IOException {
        Map<String, JsonNode> forms = forms();
        Set<String> used = new HashSet<>();
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isNotBlank();
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
                assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate groups").isNotBlank();
                assertThat(forms).as(task.getId()).containsKey(task.getCamundaFormRef());
                used.add(task.getCamundaFormRef());
            }
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
                    .map(BaseElement::getId).forEach(id -> {
                        String ref = model.getModelElementById(id).getAttributeValueNs(
                                "http://camunda.org/schema/1.0/bpmn", "formRef");
                        if (ref != null) {
                            assertThat(forms).containsKey(ref);
                            used.add(ref);
                        }
                    });
        }
        assertThat(used).as("forms no diagram uses").containsExactlyInAnyOrderElementsOf(forms.keySet());
    }

    @Test
    void everyDecisionHasItsShapeATimeToLiveAndCamunda7() throws IOException {
        for (Path file : files("processes", ".dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            assertThat(model.getDefinitions().getAttributeValueNs(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
            // the DMN model API does not read diagram interchange: look at the DMNShape elements directly
            Set<String> shapes = new HashSet<>();
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                NodeList found = factory.newDocumentBuilder().parse(file.toFile())
                        .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
                for (int i = 0; i < found.getLength(); i++) {
                    shapes.add(((Element) found.item(i)).getAttribute("dmnElementRef"));
                }
            } catch (ParserConfigurationException | SAXException e) {
                throw new IOException(e);
            }
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                assertThat(shapes).as(file + " " + decision.getId()).contains(decision.getId());
                assertThat(decision.getCamundaHistoryTimeToLiveString()).as(file + " time-to-live").isNotBlank();
            }
        }
    }
}
