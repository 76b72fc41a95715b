package org.complaints.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** What the demo SMTP server received: a page for people, JSON for scripts. Newest first. */
@Controller
@ConditionalOnProperty(name = "complaints.demo.enabled", havingValue = "true")
class DemoMailboxController {

    private final GreenMail mailServer;

    DemoMailboxController(GreenMail mailServer) {
        this.mailServer = mailServer;
    }

    record Mail(String messageId, String from, List<String> to, String subject, Instant sentAt, String body) {}

    @GetMapping(path = "/api/demo/mailbox", produces = "application/json")
    @Operation(
            summary = "The demo mailbox (demo mode only)",
            description = "Every e-mail the demo SMTP server received.")
    @ApiResponse(responseCode = "200", description = "The e-mails")
    @ResponseBody
    List<Mail> mailbox() throws MessagingException {
        return read();
    }

    @GetMapping("/demo/mailbox")
    String page(Model model) throws MessagingException {
        model.addAttribute("mails", read());
        return "demo/mailbox";
    }

    private List<Mail> read() throws MessagingException {
        MimeMessage[] received = mailServer.getReceivedMessages();
        List<Mail> mails = new java.util.ArrayList<>();
        for (MimeMessage message : received) {
            mails.add(new Mail(
                    message.getMessageID(),
                    addresses(message.getFrom()),
                    Arrays.stream(message.getAllRecipients())
                            .map(Address::toString)
                            .toList(),
                    message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    GreenMailUtil.getBody(message).isEmpty() ? "" : body(message)));
        }
        mails.sort(Comparator.comparing(Mail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return mails;
    }

    private static String body(MimeMessage message) throws MessagingException {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (java.io.IOException e) {
            return GreenMailUtil.getBody(message);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : String.join(
                        ", ", Arrays.stream(addresses).map(Address::toString).toList());
    }
}
