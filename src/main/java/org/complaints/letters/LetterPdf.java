package org.complaints.letters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Lays out a rendered message as an A4 letter with Apache PDFBox: the organisation's name and address at the top,
 * the addressee's name and address where a DIN 5008 form B window envelope (DL or C5/C4, window 20 mm from the
 * left and 45 mm from the top, 90 x 45 mm) shows it, date and reference beside it, then subject and text. The text
 * is in DejaVu Sans, embedded as a subset: it covers the letters of all four languages (ş, ğ, ı, İ, õ, ä, š, ž).
 */
@Component
public class LetterPdf {

    static final float MM = 72f / 25.4f;
    /** Where the window envelope shows the address: the block's left edge and the window's top and bottom. */
    static final float WINDOW_LEFT_MM = 20, WINDOW_TOP_MM = 45, WINDOW_BOTTOM_MM = 90;

    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
    private static final float LEFT = 25 * MM, RIGHT = 20 * MM, BOTTOM = 25 * MM, INFO_LEFT = 125 * MM;

    private final byte[] regular = font("DejaVuSans.ttf");
    private final byte[] bold = font("DejaVuSans-Bold.ttf");

    /**
     * What a letter shows. {@code returnAddress} and {@code addressLines} are lines; {@code labels} names the date,
     * reference and page in the addressee's language.
     */
    public record Content(
            String organisation,
            List<String> returnAddress,
            String addresseeName,
            List<String> addressLines,
            String date,
            String reference,
            String subject,
            String body,
            boolean largePrint,
            Labels labels) {}

    public record Labels(String date, String reference, String page) {}

    public byte[] render(Content letter) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font text = PDType0Font.load(document, new ByteArrayInputStream(regular), true);
            PDType0Font strong = PDType0Font.load(document, new ByteArrayInputStream(bold), true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(letter.subject());
            info.setAuthor(letter.organisation());
            new Layout(document, text, strong, letter).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter for " + letter.reference() + " could not be laid out", e);
        }
    }

    /** One letter being written, page after page. */
    private static final class Layout {

        private final PDDocument document;
        private final PDType0Font text;
        private final PDType0Font strong;
        private final Content letter;
        private final float size;
        private final float leading;
        private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document, PDType0Font text, PDType0Font strong, Content letter) {
            this.document = document;
            this.text = text;
            this.strong = strong;
            this.letter = letter;
            // large print: 16 pt (guidance for partially sighted readers asks for at least 16), else 11 pt
            this.size = letter.largePrint() ? 16 : 11;
            this.leading = size * 1.4f;
        }

        void write() throws IOException {
            PDPage first = newPage();
            float top = first.getMediaBox().getHeight();
            // letterhead, top right
            float headY = top - 18 * MM;
            show(strong, 14, INFO_LEFT, headY, letter.organisation());
            float lineY = headY - 6 * MM;
            for (String line : letter.returnAddress()) {
                show(text, 9, INFO_LEFT, lineY, line);
                lineY -= 4 * MM;
            }
            // the window: a small return line, then the addressee (kept at 12 pt so it fits the 45 mm window)
            float windowY = top - (WINDOW_TOP_MM + 5) * MM;
            show(text, 7, WINDOW_LEFT_MM * MM, windowY, String.join(", ", letter.organisation(), oneLine()));
            float addressSize = letter.largePrint() ? 12 : 10;
            float addressY = windowY - 8 * MM;
            List<String> address = new ArrayList<>();
            address.add(letter.addresseeName());
            address.addAll(letter.addressLines());
            for (String line : address) {
                show(text, addressSize, WINDOW_LEFT_MM * MM, addressY, line);
                addressY -= addressSize * 1.25f;
            }
            // date and reference beside the window
            float infoY = top - (WINDOW_TOP_MM + 13) * MM;
            float infoSize = letter.largePrint() ? 12 : 10;
            show(text, infoSize, INFO_LEFT, infoY, letter.labels().date() + ": " + letter.date());
            show(
                    text,
                    infoSize,
                    INFO_LEFT,
                    infoY - infoSize * 1.5f,
                    letter.labels().reference() + ": " + letter.reference());
            // subject and text below the window
            y = top - (WINDOW_BOTTOM_MM + 10) * MM;
            for (String line : wrap(strong, size, letter.subject())) {
                lineOf(strong, line);
            }
            y -= leading;
            for (String paragraph : letter.body().split("\n", -1)) {
                if (paragraph.isBlank()) {
                    y -= leading * 0.6f;
                    continue;
                }
                for (String line : wrap(text, size, paragraph)) {
                    lineOf(text, line);
                }
            }
            stream.close();
            footers();
        }

        private String oneLine() {
            return String.join(", ", letter.returnAddress());
        }

        private PDPage newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - 25 * MM;
            return page;
        }

        private void lineOf(PDType0Font font, String line) throws IOException {
            if (y < BOTTOM + leading) {
                newPage();
            }
            show(font, size, LEFT, y, line);
            y -= leading;
        }

        /** Page numbers and the reference at the foot of every page, once the number of pages is known. */
        private void footers() throws IOException {
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream foot =
                        new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String label = letter.reference() + " - " + letter.labels().page() + " " + (i + 1) + "/" + count;
                    float width = width(text, 8, label);
                    foot.beginText();
                    foot.setFont(text, 8);
                    foot.newLineAtOffset(page.getMediaBox().getWidth() - RIGHT - width, 12 * MM);
                    foot.showText(printable(text, label));
                    foot.endText();
                }
            }
        }

        private void show(PDType0Font font, float fontSize, float x, float baseline, String line) throws IOException {
            stream.beginText();
            stream.setFont(font, fontSize);
            stream.newLineAtOffset(x, baseline);
            stream.showText(printable(font, line));
            stream.endText();
        }

        /** Lines of at most the text width; a word longer than a line (a link) is broken where it reaches the edge. */
        private List<String> wrap(PDType0Font font, float fontSize, String paragraph) throws IOException {
            float max = PDRectangle.A4.getWidth() - LEFT - RIGHT;
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, fontSize, candidate) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, fontSize, rest) > max) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, fontSize, rest.substring(0, cut)) > max) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private float width(PDType0Font font, float fontSize, String s) throws IOException {
            return font.getStringWidth(printable(font, s)) / 1000 * fontSize;
        }

        /** The text with tabs as spaces and any character the font lacks as '?', so no message stops a letter. */
        private String printable(PDType0Font font, String s) {
            StringBuilder out = new StringBuilder(s.length());
            s.replace('\t', ' ').codePoints().forEach(cp -> {
                boolean known =
                        glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> encodable(font, c));
                out.appendCodePoint(known ? cp : '?');
            });
            return out.toString();
        }

        private static boolean encodable(PDType0Font font, int codePoint) {
            if (Character.isISOControl(codePoint)) {
                return false;
            }
            try {
                // throws for a character the embedded font has no glyph for
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = LetterPdf.class.getClassLoader().getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Font " + name + " is missing: the jasperreports-fonts jar provides it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
