package org.complaints.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record Mail(
            @Schema(
                    description = "The e-mail's Message-ID",
                    example = "<acknowledgement.CMP-2026-000042@complaints.example.org>")
            String messageId,

            @Schema(description = "The sender", example = "complaints@example.org")
            String from,

            @Schema(description = "The recipients", example = "[\"sanne.bakker@example.org\"]")
            List<String> to,

            @Schema(description = "The subject line", example = "We have received your complaint CMP-2026-000042")
            String subject,

            @Schema(description = "When it was sent", example = "2026-03-02T09:16:00Z")
            Instant sentAt,

            @Schema(description = "The text", example = "Dear Sanne Bakker, ...")
            String body) {}

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
        model.addAttribute(
                "mails", read().stream().map(m -> new Shown(m, parts(m.body()))).toList());
        return "demo/mailbox";
    }

    /** A mail on the page: its body as text and the web addresses in it, which the page makes clickable. */
    record Shown(Mail mail, List<Part> body) {}

    /** A piece of a body: plain text, or an http(s) address shown as a link to itself. */
    record Part(String text, boolean link) {}

    private static final java.util.regex.Pattern WEB_ADDRESS =
            java.util.regex.Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)]");

    static List<Part> parts(String body) {
        List<Part> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher address = WEB_ADDRESS.matcher(body == null ? "" : body);
        int at = 0;
        while (address.find()) {
            if (address.start() > at) {
                parts.add(new Part(body.substring(at, address.start()), false));
            }
            parts.add(new Part(address.group(), true));
            at = address.end();
        }
        if (body != null && at < body.length()) {
            parts.add(new Part(body.substring(at), false));
        }
        return parts;
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
