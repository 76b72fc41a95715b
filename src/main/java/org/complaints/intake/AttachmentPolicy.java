package org.complaints.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.springframework.stereotype.Component;

/**
 * Which files a complaint may carry: PDF, JPEG, PNG and plain text, recognised by their content (a renamed
 * executable is refused), at most the configured number and size. A file that a browser could take for a web
 * page (HTML, SVG or XML, alone or inside another type as a polyglot) is refused: opened by a member of staff,
 * its script would run with their session.
 */
@Component
public class AttachmentPolicy {

    private final IntakeProperties properties;

    public AttachmentPolicy(IntakeProperties properties) {
        this.properties = properties;
    }

    public record Upload(String fileName, byte[] content) {}

    /** The accepted attachments with their detected types; refuses the whole set when one is not acceptable. */
    public List<Attachment> check(List<Upload> uploads) {
        List<Upload> files = uploads.stream()
                .filter(u -> u.content().length > 0
                        || u.fileName() != null && !u.fileName().isBlank())
                .toList();
        if (files.size() > properties.maxAttachments()) {
            throw new InvalidInputException(List.of(Problem.of(
                    "attachments",
                    "too-many-attachments",
                    "at most " + properties.maxAttachments() + " files",
                    properties.maxAttachments())));
        }
        long total = files.stream().mapToLong(u -> u.content().length).sum();
        if (total > properties.maxAttachmentBytes().toBytes()) {
            throw new AttachmentsTooLargeException(
                    properties.maxAttachmentBytes().toMegabytes());
        }
        List<Problem> problems = new ArrayList<>();
        List<Attachment> accepted = new ArrayList<>();
        for (Upload upload : files) {
            String name = safeName(upload.fileName());
            String type = detect(upload.content());
            if (type == null) {
                problems.add(Problem.of(
                        "attachments", "attachment-type", name + " is not a PDF, JPEG, PNG or plain-text file", name));
            } else {
                accepted.add(new Attachment(name, type, upload.content()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return accepted;
    }

    static String detect(byte[] content) {
        if (content.length == 0 || hasMarkup(content)) {
            return null;
        }
        if (startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return isPlainText(content) && !looksLikeMarkup(content) ? "text/plain" : null;
    }

    /** Browsers decide what a resource is from at most its first 1445 bytes (WHATWG MIME Sniffing). */
    static final int SNIFFED_BYTES = 1445;

    /** Tags that make a browser render or run a file, wherever they stand in the sniffed part. */
    private static final List<String> ACTIVE_TAGS = List.of(
            "<html",
            "<script",
            "<svg",
            "<!doctype",
            "<iframe",
            "<object",
            "<embed",
            "<body",
            "<head",
            "<meta",
            "<form",
            "<img",
            "<style",
            "<link",
            "<base",
            "<math",
            "<xsl:",
            "<x:script");

    /** An active tag in the sniffed part: an HTML/PDF or HTML/image polyglot, or a web page of its own. */
    static boolean hasMarkup(byte[] content) {
        // Latin-1 keeps one character per byte, so the tags are found in any type's bytes
        String head = new String(content, 0, Math.min(content.length, SNIFFED_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return ACTIVE_TAGS.stream().anyMatch(head::contains);
    }

    /** Text that begins like markup (after white space or a byte-order mark): HTML, XML, SVG or a comment. */
    private static boolean looksLikeMarkup(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, SNIFFED_BYTES), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading();
        return text.length() > 1
                && text.charAt(0) == '<'
                && (Character.isLetter(text.charAt(1))
                        || text.charAt(1) == '!'
                        || text.charAt(1) == '?'
                        || text.charAt(1) == '/');
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.chars()
                    .noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The file's own name without any path, control characters or direction overrides. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(c ->
                        !Character.isISOControl(c) && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069))
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty()) {
            result = "attachment";
        }
        return result.length() > 200 ? result.substring(result.length() - 200) : result;
    }
}
