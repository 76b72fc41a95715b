package org.complaints.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.complaints.intake.PendingMessageDelivery;
import org.complaints.mail.OutboxSender;
import org.complaints.register.AttachmentRegister;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * E-mail intake against a real IMAP server: new complaint, reply to an existing one (also while its process cannot
 * take it), duplicate delivery.
 */
@SpringBootTest(
        properties = {
            "complaints.mailbox.enabled=true",
            "complaints.mailbox.host=127.0.0.1",
            "complaints.mailbox.port=3143",
            "complaints.mailbox.protocol=imap",
            "complaints.mailbox.username=complaints@example.org",
            "complaints.mailbox.password=secret",
            "complaints.mailbox.poll-interval=PT1H"
        })
@ActiveProfiles("test")
class MailboxIntakeTest {

    static final String MAILBOX = "complaints@example.org";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP).withPerMethodLifecycle(true);

    @Autowired
    MailboxPoller poller;

    @Autowired
    ComplaintRegister register;

    @Autowired
    AttachmentRegister attachments;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxSender outbox;

    @Autowired
    PendingMessageDelivery deliveries;

    GreenMailUser mailbox;

    @BeforeEach
    void mailbox() {
        mailbox = mail.setUser(MAILBOX, MAILBOX, "secret");
    }

    private MimeMessage message(String messageId, String from, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** Runs the complaint's assessment and acknowledgement, as the job executor would just after the receipt. */
    private void assessed(Complaint complaint) {
        management
                .createJobQuery()
                .processInstanceId(complaint.processInstanceId())
                .activityId("Task_AssessPriority")
                .list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private Complaint complaintFrom(String email) {
        Long id = jdbc.sql("select id from cmp_complaint where complainant_email = ?")
                .param(email)
                .query(Long.class)
                .single();
        return register.get(id);
    }

    @Test
    void aNewMessageBecomesAComplaintWithItsAttachment() throws Exception {
        MimeMessage message =
                message("<first.1@mail.example.nl>", "Piet Jansen <piet.new@example.nl>", "Broken heater", "");
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The heater I bought last week stopped working after two days.", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource("%PDF-1.4 receipt".getBytes(), "application/pdf")));
        pdf.setFileName("receipt.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        body.addBodyPart(text);
        body.addBodyPart(pdf);
        message.setContent(body);
        message.saveChanges();
        mailbox.deliver(message);

        assertThat(poller.poll()).isEqualTo(1);

        Complaint complaint = complaintFrom("piet.new@example.nl");
        assertThat(complaint.channel()).isEqualTo("email");
        assertThat(complaint.complainantName()).isEqualTo("Piet Jansen");
        assertThat(complaint.productOrService()).isEqualTo("Broken heater");
        assertThat(complaint.description()).contains("stopped working after two days");
        assertThat(attachments.list(complaint.id()))
                .extracting(AttachmentRegister.StoredAttachment::contentType)
                .containsExactly("application/pdf");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(complaint.reference())
                        .count())
                .isOne();
        // the next poll finds nothing new
        assertThat(poller.poll()).isZero();
    }

    @Test
    void aReplyNamingTheReferenceIsAddedToThatComplaint() throws Exception {
        mailbox.deliver(message(
                "<first.2@mail.example.nl>",
                "Els <els@example.nl>",
                "Late delivery",
                "My order was delivered three weeks late."));
        poller.poll();
        Complaint complaint = complaintFrom("els@example.nl");
        assessed(complaint);

        mailbox.deliver(message(
                "<reply.2@mail.example.nl>",
                "Els <els@example.nl>",
                "Re: " + complaint.reference(),
                "I forgot to say: the box was damaged too."));
        poller.poll();

        assertThat(jdbc.sql("select count(*) from cmp_complaint where complainant_email = 'els@example.nl'")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select content from cmp_added_information where complaint_id = ?")
                        .param(complaint.id())
                        .query(String.class)
                        .single())
                .contains("box was damaged");
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(complaint.reference())
                        .taskDefinitionKey("Task_ReviewAddedInformation")
                        .count())
                .isOne();
    }

    @Test
    void aReplyToOurAcknowledgementIsMatchedByInReplyTo() throws Exception {
        mailbox.deliver(message(
                "<first.3@mail.example.nl>",
                "Kees <kees@example.nl>",
                "Wrong invoice",
                "The invoice charges me for two months."));
        poller.poll();
        Complaint complaint = complaintFrom("kees@example.nl");
        assessed(complaint);
        // the acknowledgement leaves the outbox; the complainant answers it
        outbox.sendDue();

        MimeMessage reply = message(
                "<reply.3@mail.example.nl>",
                "Kees <kees@example.nl>",
                "Re: your message",
                "Here is my customer number: 4711.");
        reply.setHeader("In-Reply-To", "<acknowledgement." + complaint.reference() + "@complaints.example.org>");
        mailbox.deliver(reply);
        poller.poll();

        assertThat(jdbc.sql("select count(*) from cmp_complaint where complainant_email = 'kees@example.nl'")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select content from cmp_added_information where complaint_id = ?")
                        .param(complaint.id())
                        .query(String.class)
                        .single())
                .contains("4711");
    }

    @Test
    void theSameMessageDeliveredTwiceCreatesOneComplaint() throws Exception {
        mailbox.deliver(message(
                "<twice.4@mail.example.nl>",
                "Ans <ans@example.nl>",
                "Rude staff",
                "The person at the counter shouted at me."));
        mailbox.deliver(message(
                "<twice.4@mail.example.nl>",
                "Ans <ans@example.nl>",
                "Rude staff",
                "The person at the counter shouted at me."));
        assertThat(poller.poll()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from cmp_complaint where complainant_email = 'ans@example.nl'")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select outcome from cmp_inbound_mail where message_id = '<twice.4@mail.example.nl>'")
                        .query(String.class)
                        .list())
                .containsExactly("NEW_COMPLAINT");
    }

    @Test
    void someoneElseNamingAReferenceStartsTheirOwnComplaint() throws Exception {
        mailbox.deliver(
                message("<first.5@mail.example.nl>", "Rob <rob@example.nl>", "Noise", "Loud noise every night."));
        poller.poll();
        Complaint robs = complaintFrom("rob@example.nl");
        mailbox.deliver(message(
                "<other.5@mail.example.nl>",
                "Eve <eve@example.nl>",
                "About " + robs.reference(),
                "I want to add something to this complaint."));
        poller.poll();
        Complaint eves = complaintFrom("eve@example.nl");
        assertThat(eves.reference()).isNotEqualTo(robs.reference());
        assertThat(jdbc.sql("select count(*) from cmp_added_information where complaint_id = ?")
                        .param(robs.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select receipt_notes from cmp_complaint where id = ?")
                        .param(eves.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Refers to " + robs.reference());
    }

    @Test
    void aMessageWithoutAUsableSenderIsRecordedAsRejected() throws Exception {
        mailbox.deliver(
                message("<bad.6@mail.example.nl>", "nobody@localhost", "Hello", "Some text that is long enough."));
        poller.poll();
        assertThat(jdbc.sql("select outcome from cmp_inbound_mail where message_id = '<bad.6@mail.example.nl>'")
                        .query(String.class)
                        .list())
                .containsExactly("REJECTED");
        List<String> notes = jdbc.sql("select note from cmp_inbound_mail where message_id = '<bad.6@mail.example.nl>'")
                .query(String.class)
                .list();
        assertThat(notes.get(0)).contains("complainantEmail");
    }

    @Test
    void aReplyTheProcessCannotTakeNowIsTakenInAndDeliveredLater() throws Exception {
        mailbox.deliver(message(
                "<first.7@mail.example.nl>",
                "Joop <joop@example.nl>",
                "Missing refund",
                "I returned the shoes a month ago and have no refund yet."));
        poller.poll();
        Complaint complaint = complaintFrom("joop@example.nl");
        assessed(complaint);
        // an administrator suspended the instance (Cockpit): the process cannot take messages now
        runtime.suspendProcessInstanceById(complaint.processInstanceId());

        mailbox.deliver(message(
                "<reply.7@mail.example.nl>",
                "Joop <joop@example.nl>",
                "Re: " + complaint.reference(),
                "The return label number is RT-998877."));
        // taken in and marked seen: the message lives on in the register, not in the mailbox
        assertThat(poller.poll()).isOne();
        assertThat(poller.poll()).isZero();
        assertThat(jdbc.sql("select outcome from cmp_inbound_mail where message_id = '<reply.7@mail.example.nl>'")
                        .query(String.class)
                        .single())
                .isEqualTo("ADDED_TO_COMPLAINT");
        assertThat(jdbc.sql("select content from cmp_added_information where complaint_id = ?")
                        .param(complaint.id())
                        .query(String.class)
                        .single())
                .contains("RT-998877");
        assertThat(reviewTasks(complaint)).isZero();

        runtime.activateProcessInstanceById(complaint.processInstanceId());
        Long kept = jdbc.sql("select id from cmp_complainant_message where complaint_id = ?")
                .param(complaint.id())
                .query(Long.class)
                .single();
        deliveries.deliver(kept);
        deliveries.deliver(kept);
        assertThat(reviewTasks(complaint)).isOne();
        assertThat(runtime.getVariable(complaint.processInstanceId(), "addedInformation")
                        .toString())
                .contains("RT-998877");
    }

    private long reviewTasks(Complaint complaint) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(complaint.reference())
                .taskDefinitionKey("Task_ReviewAddedInformation")
                .count();
    }
}
