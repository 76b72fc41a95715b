package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.SharedApplication;
import org.complaints.analysis.ComplaintFigures;
import org.complaints.demo.DemoUsers;
import org.complaints.intake.email.InboundMail;
import org.complaints.intake.email.InboundMailIntake;
import org.complaints.operations.ComplaintMetrics;
import org.complaints.register.Channels;
import org.complaints.security.StaffGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every channel is recorded as itself (ISO 10002 4.5, 7.2), in the register and the process variable
 * {@code channel}: the web form as {@code web}, the JSON API as {@code api} (also the information it adds), the
 * mailbox as {@code email}, the staff start form as the phone, letter or in-person it names, never as the
 * complainant's own {@code web} or {@code api}. Each channel is counted apart in Prometheus
 * ({@code complaints_received_total{channel}}) and in the period's figures.
 */
@SharedApplication
class ChannelsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    FormService forms;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    InboundMailIntake mailbox;

    @Autowired
    ComplaintMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ComplaintFigures figures;

    @Test
    void theWebFormIsRecordedAsWeb() throws Exception {
        String email = Submissions.uniqueEmail();
        mvc.perform(multipart("/complaints")
                        .param("name", "Jan de Vries")
                        .param("email", email)
                        .param("language", "en")
                        .param("productOrService", "Parcel delivery")
                        .param("description", "Left in the rain.")
                        .param("consent", "true"))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
        assertRecorded(email, Channels.WEB);
    }

    @Test
    void theApiIsRecordedAsApiAndSoIsTheInformationItAdds() throws Exception {
        String email = Submissions.uniqueEmail();
        String answer = mvc.perform(post("/api/complaints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(new ObjectMapper()
                                .writeValueAsString(Map.of(
                                        "name", "Jan de Vries",
                                        "email", email,
                                        "language", "en",
                                        "productOrService", "Parcel delivery",
                                        "description", "Left in the rain.",
                                        "consent", true))))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(201))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertRecorded(email, Channels.API);

        JsonNode filed = new ObjectMapper().readTree(answer);
        mvc.perform(post("/api/complaints/" + filed.path("reference").asText() + "/messages")
                        .header("X-Tracking-Token", filed.path("trackingToken").asText())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"The parcel number is 4711.\"}"))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(200, 202));
        assertThat(jdbc.queryForObject(
                        "select i.channel from cmp_added_information i join cmp_complaint c on c.id = i.complaint_id "
                                + "where c.reference = ?",
                        String.class,
                        filed.path("reference").asText()))
                .isEqualTo(Channels.API);
    }

    @Test
    void theMailboxIsRecordedAsEmail() {
        String email = Submissions.uniqueEmail();
        mailbox.take(new InboundMail(
                "<channels-" + System.nanoTime() + "@example.net>",
                List.of(),
                "Damaged parcel",
                "Jan de Vries",
                email,
                "My parcel was left outside in the rain.",
                List.of()));
        assertRecorded(email, Channels.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "letter", "in-person", "email"})
    void theStaffStartFormRecordsTheChannelItNames(String channel) {
        String email = Submissions.uniqueEmail();
        startByStaff(Submissions.aPhoneComplaint()
                .withChannel(channel)
                .withEmail(email)
                .startForm());
        assertRecorded(email, channel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "api", "fax"})
    void staffCannotRecordTheComplainantsOwnChannelsOrAnUnknownOne(String channel) {
        String email = Submissions.uniqueEmail();
        assertThatThrownBy(() -> startByStaff(Submissions.aPhoneComplaint()
                        .withChannel(channel)
                        .withEmail(email)
                        .startForm()))
                .hasMessageContaining("channel");
        assertThat(jdbc.queryForObject(
                        "select count(*) from cmp_complaint where complainant_email = ?", Long.class, email))
                .isZero();
    }

    @Test
    void eachChannelIsCountedApartInPrometheusAndTheFigures() throws Exception {
        metrics.refresh();
        Map<String, Double> before = received();
        theWebFormIsRecordedAsWeb();
        theApiIsRecordedAsApiAndSoIsTheInformationItAdds();
        theMailboxIsRecordedAsEmail();
        for (String channel : List.of("phone", "letter", "in-person")) {
            theStaffStartFormRecordsTheChannelItNames(channel);
        }
        metrics.refresh();
        Map<String, Double> after = received();
        for (String channel : Channels.ALL) {
            assertThat(after.get(channel) - before.get(channel))
                    .as("complaints_received_total{channel=\"" + channel + "\"}")
                    .isEqualTo(1.0);
        }

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        Map<String, Long> byChannel =
                figures.summary(today.minusDays(1), today.plusDays(1)).byChannel();
        assertThat(byChannel.keySet()).as("every channel, in order").startsWith(Channels.ALL.toArray(String[]::new));
        Channels.ALL.forEach(
                channel -> assertThat(byChannel.get(channel)).as(channel).isPositive());
    }

    private Map<String, Double> received() {
        Map<String, Double> counts = new HashMap<>();
        for (String channel : Channels.ALL) {
            counts.put(
                    channel,
                    registry.get("complaints.received")
                            .tag("channel", channel)
                            .functionCounter()
                            .count());
        }
        return counts;
    }

    private void assertRecorded(String email, String channel) {
        Map<String, Object> row =
                jdbc.queryForMap("select reference, channel from cmp_complaint where complainant_email = ?", email);
        assertThat(row.get("channel")).as("register").isEqualTo(channel);
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey((String) row.get("reference"))
                .singleResult()
                .getId();
        assertThat(runtime.getVariable(instance, "channel"))
                .as("process variable")
                .isEqualTo(channel);
    }

    private void startByStaff(Map<String, Object> form) {
        DemoUsers.seed(identity);
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("complaint-handling")
                .latestVersion()
                .singleResult()
                .getId();
        identity.setAuthentication("intake", List.of(StaffGroups.INTAKE));
        try {
            forms.submitStartForm(definition, new HashMap<>(form));
        } finally {
            identity.clearAuthentication();
        }
    }
}
