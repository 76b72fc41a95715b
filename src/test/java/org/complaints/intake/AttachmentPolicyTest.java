package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Files are typed by their content, and nothing a browser would render as a page or run is kept. */
class AttachmentPolicyTest {

    private final AttachmentPolicy policy = new AttachmentPolicy(new IntakeProperties(5, DataSize.ofMegabytes(10), 10));

    static final byte[] PDF =
            bytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    @Test
    void ordinaryFilesAreTypedByTheirContent() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        List<Attachment> kept = policy.check(List.of(
                new AttachmentPolicy.Upload("receipt.pdf", PDF),
                new AttachmentPolicy.Upload("photo.jpg", jpeg),
                new AttachmentPolicy.Upload("screen.png", png),
                new AttachmentPolicy.Upload("notes.txt", bytes("I paid on 3 May (order <12345>); nothing came.\n"))));
        assertThat(kept)
                .extracting(Attachment::contentType)
                .containsExactly("application/pdf", "image/jpeg", "image/png", "text/plain");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // HTML/PDF polyglots: a PDF header, then a page a browser renders
                "%PDF-1.4\n<html><body><script>fetch('/engine-rest/user')</script></body></html>\n%%EOF",
                "%PDF-1.4\n%<!DOCTYPE html><p>hi</p>\n1 0 obj << >> endobj",
                "%PDF-1.4\n% <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                // SVG with script, which passes as UTF-8 text
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>",
                "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                // text that a browser sniffs as HTML
                "\n   <!DOCTYPE html><title>Refund</title>",
                "<p>Dear team</p>",
                "\uFEFF<iframe src=\"https://evil.example\"></iframe>",
                "My complaint.\n<script>alert(1)</script>\n"
            })
    void activeContentIsRefusedWhateverItClaimsToBe(String content) {
        for (String name : List.of("statement.pdf", "statement.txt", "statement.png")) {
            InvalidInputException refusal = catchThrowableOfType(
                    InvalidInputException.class,
                    () -> policy.check(List.of(new AttachmentPolicy.Upload(name, bytes(content)))));
            assertThat(refusal).as(content).isNotNull();
            assertThat(refusal.problems())
                    .extracting(InvalidInputException.Problem::code)
                    .containsExactly("attachment-type");
        }
    }

    @Test
    void aJpegCarryingMarkupInItsHeaderIsRefused() {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0, 40});
        jpeg.writeBytes(bytes("<html><script>alert(1)</script></html>"));
        assertThat(AttachmentPolicy.detect(jpeg.toByteArray())).isNull();
    }

    @Test
    void markupFarBeyondWhatBrowsersSniffDoesNotRefuseAPdf() {
        // compressed streams of a long PDF can hold any bytes; browsers only look at the start
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(PDF);
        pdf.writeBytes(new byte[AttachmentPolicy.SNIFFED_BYTES]);
        pdf.writeBytes(bytes("<html"));
        assertThat(AttachmentPolicy.detect(pdf.toByteArray())).isEqualTo("application/pdf");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
