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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What process owners need from the model files in Camunda Modeler, checked in every build: Camunda 7 as
 * execution platform, a diagram shape for every element, no overlapping shapes, meaningful ids, the ISO clause
 * in every element's documentation, and forms that resolve. Also what Modeler and Tasklist show them: settings
 * where Modeler shows them, no XML comments (Modeler drops them on save), form checks that fail with a readable
 * message, task names without split words, labels that stand apart, and a picture of every model in docs/.
 */
class ModelFilesTest {

    private static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static Document dom(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setIgnoringComments(false);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path file : files("forms", ".form")) {
            JsonNode form = new ObjectMapper().readTree(file.toFile());
            assertThat(form.path("id").asText())
                    .as(file + " id")
                    .isEqualTo(file.getFileName().toString().replace(".form", ""));
            assertThat(form.path("executionPlatform").asText())
                    .as(file.toString())
                    .isEqualTo("Camunda Platform");
            assertThat(forms.put(form.path("id").asText(), form))
                    .as("form id used twice: " + file)
                    .isNull();
        }
        return forms;
    }

    @Test
    void everyDiagramDeclaresCamunda7AndShowsEveryElementWithoutOverlaps() throws IOException {
        List<Path> diagrams = files("processes", ".bpmn");
        assertThat(diagrams).isNotEmpty();
        for (Path file : diagrams) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            assertThat(model.getDefinitions().getAttributeValueNs(MODELER, "executionPlatform"))
                    .isEqualTo("Camunda Platform");
            assertThat(model.getDefinitions().getAttributeValueNs(MODELER, "executionPlatformVersion"))
                    .startsWith("7.");
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.getCamundaHistoryTimeToLiveString())
                        .as(file + " history time-to-live")
                        .isNotBlank();
            }
            Map<String, Bounds> shapes = new HashMap<>();
            model.getModelElementsByType(BpmnShape.class)
                    .forEach(s -> shapes.put(s.getBpmnElement().getId(), s.getBounds()));
            Set<String> edges = new HashSet<>();
            model.getModelElementsByType(BpmnEdge.class)
                    .forEach(e -> edges.add(e.getBpmnElement().getId()));
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
                String documentation = node.getDocumentations().stream()
                        .map(Documentation::getTextContent)
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
                .filter(n -> !(n instanceof BoundaryEvent))
                .toList();
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
                if (p != null
                        && q != null
                        && p.getX() < q.getX() + q.getWidth()
                        && q.getX() < p.getX() + p.getWidth()
                        && p.getY() < q.getY() + q.getHeight()
                        && q.getY() < p.getY() + p.getHeight()) {
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
        model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnLabel() != null)
                .forEach(s ->
                        labels.put(s.getBpmnElement().getId(), s.getBpmnLabel().getBounds()));
        model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnLabel() != null)
                .forEach(e ->
                        labels.put(e.getBpmnElement().getId(), e.getBpmnLabel().getBounds()));
        for (Map.Entry<String, Bounds> label : labels.entrySet()) {
            Bounds l = label.getValue();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                Bounds n = shapes.get(node.getId());
                if (node.getId().equals(label.getKey()) || n == null || node instanceof SubProcess) {
                    continue;
                }
                if (l.getX() < n.getX() + n.getWidth()
                        && n.getX() < l.getX() + l.getWidth()
                        && l.getY() < n.getY() + n.getHeight()
                        && n.getY() < l.getY() + l.getHeight()) {
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
                assertThat(task.getCamundaCandidateGroups())
                        .as(task.getId() + " candidate groups")
                        .isNotBlank();
                assertThat(forms).as(task.getId()).containsKey(task.getCamundaFormRef());
                used.add(task.getCamundaFormRef());
            }
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
                    .map(BaseElement::getId)
                    .forEach(id -> {
                        String ref = model.getModelElementById(id)
                                .getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
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
            assertThat(model.getDefinitions().getAttributeValueNs(MODELER, "executionPlatform"))
                    .isEqualTo("Camunda Platform");
            // the DMN model API does not read diagram interchange: look at the DMNShape elements directly
            Set<String> shapes = new HashSet<>();
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                NodeList found = factory.newDocumentBuilder()
                        .parse(file.toFile())
                        .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
                for (int i = 0; i < found.getLength(); i++) {
                    shapes.add(((Element) found.item(i)).getAttribute("dmnElementRef"));
                }
            } catch (ParserConfigurationException | SAXException e) {
                throw new IOException(e);
            }
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                assertThat(shapes).as(file + " " + decision.getId()).contains(decision.getId());
                assertThat(decision.getCamundaHistoryTimeToLiveString())
                        .as(file + " time-to-live")
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyDecisionKeepsItsTimeToLiveWhereModelerShowsIt() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("processes", ".dmn")) {
            Document dom = dom(file);
            NodeList decisions = dom.getElementsByTagNameNS(DMN13, "decision");
            for (int i = 0; i < decisions.getLength(); i++) {
                Element decision = (Element) decisions.item(i);
                if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
                    problems.add(file + ": decision " + decision.getAttribute("id")
                            + " has no camunda:historyTimeToLive"
                            + " in the DMN Camunda namespace (" + CAMUNDA_DMN + "), the one the engine reads and"
                            + " Modeler shows (History cleanup > Time to live): the engine refuses to deploy it");
                }
            }
            NodeList elements = dom.getElementsByTagName("*");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                NamedNodeMap attributes = element.getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    Attr attribute = (Attr) attributes.item(a);
                    // the time-to-live is repeated in the BPMN namespace for the shared model checker (check-models);
                    // Modeler never shows that copy, so it must equal the one it shows
                    if (CAMUNDA_BPMN.equals(attribute.getNamespaceURI())
                            && "historyTimeToLive".equals(attribute.getLocalName())) {
                        String shown = element.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive");
                        if (!attribute.getValue().equals(shown)) {
                            problems.add(file + ": " + element.getLocalName() + " " + element.getAttribute("id")
                                    + " repeats historyTimeToLive in the BPMN Camunda namespace as "
                                    + attribute.getValue()
                                    + " but Modeler shows " + shown + ": set the copy to the same value");
                        }
                    } else if (CAMUNDA_BPMN.equals(attribute.getNamespaceURI())) {
                        problems.add(file + ": " + element.getLocalName() + " " + element.getAttribute("id") + " has "
                                + attribute.getLocalName() + " in the BPMN Camunda namespace (" + CAMUNDA_BPMN
                                + "): the"
                                + " DMN Modeler keeps it but never shows it, so it goes stale; remove it and set"
                                + " camunda:" + attribute.getLocalName() + " in " + CAMUNDA_DMN + " instead");
                    }
                }
            }
        }
        assertThat(problems).as("DMN settings Modeler does not show").isEmpty();
    }

    @Test
    void modelsHaveNoXmlComments() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> models = new ArrayList<>(files("processes", ".bpmn"));
        models.addAll(files("processes", ".dmn"));
        for (Path file : models) {
            for (String comment : comments(dom(file), new ArrayList<>())) {
                String text = comment.strip();
                problems.add(file + ": XML comment <!-- " + (text.length() > 60 ? text.substring(0, 60) + "..." : text)
                        + " -->: Camunda Modeler drops comments on the first save; move the explanation into the"
                        + " documentation of the element it explains (BPMN: bpmn:documentation, in Modeler 'Element"
                        + " documentation'; DMN: the description of the decision, table, input, output or rule)");
            }
        }
        assertThat(problems).as("XML comments in models").isEmpty();
    }

    private static List<String> comments(Node node, List<String> found) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.COMMENT_NODE) {
                found.add(child.getNodeValue());
            }
            comments(child, found);
        }
        return found;
    }

    /** Keys of fields that hold an e-mail address. */
    private static final Pattern EMAIL_KEY = Pattern.compile("(?i).*e-?mail.*");

    /**
     * Tasklist 7.24 renders forms with form-js 1.8.7, which has no custom message for validate.pattern: staff would
     * read "Field must match pattern ^...$".
     */
    @Test
    void formFieldsRefuseValuesWithMessagesStaffCanRead() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("forms", ".form")) {
            List<JsonNode> fields = new ArrayList<>();
            components(new ObjectMapper().readTree(file.toFile()), fields);
            for (JsonNode field : fields) {
                String key = field.path("key").asText();
                String name = key + " (\"" + field.path("label").asText() + "\")";
                if (field.path("validate").has("pattern")) {
                    problems.add(file + ": field " + name + " has validate.pattern: when a value does not match,"
                            + " Tasklist (form-js 1.8.7) shows staff the raw regular expression. Use validationType"
                            + " \"email\" for e-mail addresses; otherwise remove the pattern, explain the format in the"
                            + " field's description and let the server refuse bad values with a readable message");
                }
                if ("textfield".equals(field.path("type").asText())
                        && EMAIL_KEY.matcher(key).matches()
                        && !"email"
                                .equals(field.path("validate")
                                        .path("validationType")
                                        .asText())) {
                    problems.add(
                            file + ": field " + name + " holds an e-mail address but has no validate.validationType"
                                    + " \"email\" (Modeler: Validation > Validation pattern > Email), which Tasklist checks"
                                    + " with the message \"Field must be a valid email.\"");
                }
            }
        }
        assertThat(problems).as("form checks staff cannot read").isEmpty();
    }

    private static void components(JsonNode node, List<JsonNode> found) {
        for (JsonNode component : node.path("components")) {
            found.add(component);
            components(component, found);
        }
    }

    /**
     * Advance widths of Arial, the font bpmn-js draws names in (Liberation Sans has the same widths), in 1/1000 of
     * the font size; characters not listed count as 556, the width of most lower-case letters and digits.
     */
    private static final Map<Character, Integer> ARIAL_WIDTHS = new HashMap<>();

    static {
        String[] characters = {
            "ijl'", " ,./:;I[]\\!ft", "r()-`", "cksvxyzJ", "FTZ", "ABEKPSVXY&", "CDHNRUw", "GOQ", "mM", "%", "W", "@"
        };
        int[] widths = {222, 278, 333, 500, 611, 667, 722, 778, 833, 889, 944, 1015};
        for (int i = 0; i < characters.length; i++) {
            for (char c : characters[i].toCharArray()) {
                ARIAL_WIDTHS.put(c, widths[i]);
            }
        }
    }

    /** Width in px of a word at the given font size, estimated from Arial's advance widths. */
    static double textWidth(String word, double fontPx) {
        return word.chars().map(c -> ARIAL_WIDTHS.getOrDefault((char) c, 556)).sum() * fontPx / 1000;
    }

    /** bpmn-js draws a task's name at 12 px with 7 px padding left and right, and cuts a word that does not fit. */
    private static final double TASK_FONT_PX = 12;

    private static final double TASK_PADDING_PX = 7;

    @Test
    void everyTaskNameFitsItsShapeWithoutSplittingAWord() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                if (!(shape.getBpmnElement() instanceof Activity activity)
                        || activity.getName() == null
                        || (activity instanceof SubProcess && shape.isExpanded())) {
                    continue;
                }
                double room = shape.getBounds().getWidth() - 2 * TASK_PADDING_PX;
                // bpmn-js breaks lines at spaces and after hyphens
                for (String word : activity.getName().split("\\s+|(?<=-)")) {
                    double needed = textWidth(word, TASK_FONT_PX);
                    if (needed > room) {
                        long width = (long) Math.ceil((needed + 2 * TASK_PADDING_PX) / 10) * 10;
                        problems.add(String.format(
                                Locale.ROOT,
                                "%s: %s \"%s\": the word \"%s\" needs about %.0f px"
                                        + " at 12 px, but the %.0f px wide shape leaves %.0f px (%.0f px padding each side), so"
                                        + " Modeler splits the word; widen the shape to %d px (and move its flows) or shorten"
                                        + " the name",
                                file,
                                activity.getId(),
                                activity.getName(),
                                word,
                                needed,
                                shape.getBounds().getWidth(),
                                room,
                                TASK_PADDING_PX,
                                width));
                    }
                }
            }
        }
        assertThat(problems).as("task names split inside a word").isEmpty();
    }

    /** External labels (of events, gateways, flows) closer than this read as one text. */
    private static final double MIN_LABEL_GAP_PX = 5;

    @Test
    void externalLabelsOfDifferentElementsStandApart() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            List<BpmnLabel> labels = new ArrayList<>(model.getModelElementsByType(BpmnLabel.class));
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    Bounds p = labels.get(i).getBounds();
                    Bounds q = labels.get(j).getBounds();
                    double apartX =
                            Math.max(q.getX() - (p.getX() + p.getWidth()), p.getX() - (q.getX() + q.getWidth()));
                    double apartY =
                            Math.max(q.getY() - (p.getY() + p.getHeight()), p.getY() - (q.getY() + q.getHeight()));
                    double gap = Math.max(apartX, apartY);
                    if (gap < MIN_LABEL_GAP_PX) {
                        problems.add(String.format(
                                Locale.ROOT,
                                "%s: the labels of %s and %s %s: they read"
                                        + " as one text; move one of them (drag the label in Modeler, or change its BPMNLabel"
                                        + " bounds) so they stand at least %.0f px apart",
                                file,
                                labelled(labels.get(i)),
                                labelled(labels.get(j)),
                                gap < 0
                                        ? "overlap"
                                        : gap == 0
                                                ? "touch"
                                                : String.format(Locale.ROOT, "are only %.0f px apart", gap),
                                MIN_LABEL_GAP_PX));
                    }
                }
            }
        }
        assertThat(problems).as("labels too close").isEmpty();
    }

    private static String labelled(BpmnLabel label) {
        BaseElement element = label.getParentElement() instanceof BpmnShape shape
                ? shape.getBpmnElement()
                : ((BpmnEdge) label.getParentElement()).getBpmnElement();
        String name = element.getAttributeValue("name");
        return element.getId() + (name == null ? "" : " (\"" + name + "\")");
    }

    @Test
    void everyModelHasItsPictureInDocs() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> models = new ArrayList<>(files("processes", ".bpmn"));
        models.addAll(files("processes", ".dmn"));
        for (Path file : models) {
            String name = file.getFileName().toString().replaceFirst("\\.(bpmn|dmn)$", "");
            if (!Files.isRegularFile(Path.of("docs", name + ".png"))) {
                problems.add(file + " has no picture docs/" + name + ".png: run docs/render-diagrams and commit it");
            }
        }
        assertThat(problems).as("models without a picture").isEmpty();
    }
}
