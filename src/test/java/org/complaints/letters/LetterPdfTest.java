package org.complaints.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The letter as printed: A4, the addressee's name and address inside a DIN 5008 window (20 mm from the left,
 * 45-90 mm from the top), every Turkish and Estonian letter kept (the font is embedded), large print at 16 pt, long
 * links broken onto the next line rather than cut off, more pages for a long text. Writes screenshots of the
 * letters to target/screenshots/.
 */
class LetterPdfTest {

    private static final String TURKISH_AND_ESTONIAN = "ş ğ ı İ õ ä ö ü š ž Ş Ğ Õ Ä Ö Ü Š Ž";

    private final LetterPdf pdf = new LetterPdf();

    private static LetterPdf.Content letter(String name, String body, boolean largePrint) {
        return new LetterPdf.Content(
                "Example Organisation",
                List.of("Complaints", "Postbus 1234", "1000 AB Amsterdam"),
                name,
                List.of("Kerkstraat 12", "1017 GC Amsterdam"),
                "7 december 2026",
                "CMP-2026-000042",
                "Wij hebben uw klacht CMP-2026-000042 ontvangen",
                body,
                largePrint,
                new LetterPdf.Labels("Datum", "Ons kenmerk", "pagina"));
    }

    /** Each text line with where it starts: x from the left edge, y (its baseline) from the top, in points. */
    private record Line(String text, float x, float y, float size) {}

    private static List<Line> lines(byte[] bytes, int page) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    TextPosition first = positions.get(0);
                    lines.add(new Line(text, first.getXDirAdj(), first.getYDirAdj(), first.getFontSizeInPt()));
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
        }
        return lines;
    }

    private static Line line(List<Line> lines, String start) {
        return lines.stream()
                .filter(l -> l.text().startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in " + lines));
    }

    private static void screenshot(byte[] bytes, String name) throws IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 90);
            ImageIO.write(image, "png", dir.resolve(name).toFile());
        }
    }

    @Test
    void theAddressSitsInTheWindowOfAnA4LetterWithEveryLetterOfTheLanguagesKept() throws IOException {
        String body = "Beste Ayşe Yılmaz-Õunapuu,\n\nWij hebben uw klacht ontvangen. " + TURKISH_AND_ESTONIAN
                + "\n\nVolg uw klacht: http://localhost:8080/complaints/CMP-2026-000042?token="
                + "a".repeat(120) + "\n\nMet vriendelijke groet,\nExample Organisation - klachtenteam";
        byte[] bytes = pdf.render(letter("Ayşe Yılmaz-Õunapuu", body, false));
        screenshot(bytes, "50-letter-nl.png");

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(TURKISH_AND_ESTONIAN)
                    .contains("Ons kenmerk: CMP-2026-000042")
                    .contains("Datum: 7 december 2026");
            // the font travels with the letter, so any printer shows the same letters
            PDFont font = document.getPage(0)
                    .getResources()
                    .getFont(document.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
        }

        List<Line> lines = lines(bytes, 1);
        float mm = LetterPdf.MM;
        for (String addressLine : List.of("Ayşe Yılmaz-Õunapuu", "Kerkstraat 12", "1017 GC Amsterdam")) {
            Line l = line(lines, addressLine);
            assertThat(l.x() / mm).as(addressLine + ": mm from the left").isBetween(19f, 26f);
            assertThat(l.y() / mm).as(addressLine + ": mm from the top").isBetween(50f, 88f);
        }
        // the return line at the top of the window, and the link broken, not cut off
        assertThat(line(lines, "Example Organisation, Complaints").y() / mm).isBetween(45f, 55f);
        String joined = String.join("", lines.stream().map(Line::text).toList());
        assertThat(joined).contains("token=" + "a".repeat(120));
        assertThat(line(lines, "Beste Ayşe").size()).isEqualTo(11f);
    }

    @Test
    void largePrintIsSixteenPointAndALongTextTakesMorePages() throws IOException {
        String body = "Sayın Ayşe Yılmaz,\n\n" + "Şikâyetiniz için teşekkür ederiz. ".repeat(200);
        byte[] bytes = pdf.render(letter("Ayşe Yılmaz", body, true));
        screenshot(bytes, "51-letter-tr-large-print.png");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("CMP-2026-000042 - pagina 2/" + document.getNumberOfPages());
        }
        List<Line> lines = lines(bytes, 1);
        assertThat(line(lines, "Sayın Ayşe").size()).isEqualTo(16f);
        // the address stays inside the window in large print too
        Line last = line(lines, "1017 GC Amsterdam");
        assertThat(last.y() / LetterPdf.MM).isBetween(50f, 88f);
    }

    @Test
    void aCharacterTheFontLacksBecomesAQuestionMarkInsteadOfStoppingTheLetter() throws IOException {
        // DejaVu Sans has no Chinese characters
        byte[] bytes = pdf.render(letter("Jan", "Dear Jan,\n\nA tab\there and a character \u6F22.", false));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("A tab here and a character ?.");
        }
    }
}
