package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.pipeline.ContactSheet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCommandTest {

    private static final Path PHOTOS = Path.of(System.getProperty("headroom.test.photos"));
    private static final Path MODELS = Path.of(System.getProperty("headroom.models.dir"));

    @TempDir
    Path out;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private ProcessCommand command() {
        return new ProcessCommand(MODELS, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void eachPhotoStandsAloneAndTheReportSaysWhatHappened() throws Exception {
        int status = command().run(List.of("--out", out.toString(), "--aspect", "1:1,4:5",
                PHOTOS.resolve("london_005_neutral.jpg").toString(), PHOTOS.resolve("cat_face_chelsea.png").toString(),
                PHOTOS.resolve("lisa_webcam_04_INJECTED_gps.heic").toString()));
        assertEquals(0, status);
        BufferedImage square = ImageIO.read(out.resolve("london_005_neutral-1x1.jpg").toFile());
        BufferedImage portrait = ImageIO.read(out.resolve("london_005_neutral-4x5.jpg").toFile());
        assertEquals(1024, square.getWidth());
        assertEquals(1350, portrait.getHeight());

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.path("models").size() >= 2);
        for (JsonNode m : report.path("models")) {
            assertTrue(m.path("sha256").asText().matches("[0-9a-f]{64}"));
        }
        JsonNode photos = report.path("photos");
        assertEquals(3, photos.size());
        assertTrue(photos.get(0).path("usable").asBoolean());
        assertEquals(2, photos.get(0).path("headshots").size());
        assertTrue(photos.get(0).path("quality").asDouble() > 0.5);
        assertFalse(photos.get(1).path("usable").asBoolean());
        assertEquals("no-face", photos.get(1).path("verdicts").get(0).path("code").asText());
        assertEquals("heic-not-supported", photos.get(2).path("verdicts").get(0).path("code").asText());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("1 of 3 photos gave headshots"));
    }

    /** report.json says, per headshot, how far the camera was and how much of the selfie's perspective was corrected. */
    @Test
    void theReportGivesEachHeadshotsPerspective() throws Exception {
        assertEquals(0, command().run(List.of("--out", out.toString(), "--aspect", "4:5", PHOTOS.resolve("lisa_zoom_15cm.jpg").toString())));
        JsonNode photo = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("photos").get(0);
        assertTrue(photo.path("fieldOfView").isMissingNode(), "no EXIF: no field of view of its own");
        JsonNode p = photo.path("headshots").get(0).path("perspective");
        assertTrue(p.path("assumedFov").asBoolean(), p.toString());
        assertTrue(p.path("distanceCm").asInt() > 15 && p.path("distanceCm").asInt() < 30, p.toString());
        assertTrue(p.path("correction").asDouble() > 0.1, "a 15 cm selfie is corrected: " + p);
        assertTrue(p.path("skipped").isMissingNode(), p.toString());
    }

    /** process reads the appliance's settings from the same registry: the file's keys, the environment over them. */
    @Test
    void theAppliancesOutputSettingsHoldForStudioBatchesToo() throws Exception {
        String photo = PHOTOS.resolve("london_005_neutral.jpg").toString();
        assertEquals(0, command().run(List.of("--out", out.resolve("default").toString(), "--aspect", "1:1", photo)));
        java.util.Map<String, String> configuration = java.util.Map.of("headroom.output.jpeg-quality", "40",
                "HEADROOM_OUTPUT_COMMENT", "edited at the studio");
        ProcessCommand configured = new ProcessCommand(MODELS, new PrintStream(console, true, StandardCharsets.UTF_8), null, configuration);
        assertEquals(0, configured.run(List.of("--out", out.resolve("configured").toString(), "--aspect", "1:1", photo)));
        byte[] plain = Files.readAllBytes(out.resolve("default").resolve("london_005_neutral-1x1.jpg"));
        byte[] low = Files.readAllBytes(out.resolve("configured").resolve("london_005_neutral-1x1.jpg"));
        assertTrue(low.length < plain.length * 0.7, "quality 40 instead of 92: " + low.length + " against " + plain.length);
        assertTrue(new String(low, StandardCharsets.ISO_8859_1).contains("edited at the studio"), "the comment from the environment");
        assertFalse(new String(plain, StandardCharsets.ISO_8859_1).contains("edited at the studio"));

        ProcessCommand bad = new ProcessCommand(MODELS, new PrintStream(console, true, StandardCharsets.UTF_8), null,
                java.util.Map.of("headroom.output.jpeg-quality", "101"));
        CliException e = assertThrows(CliException.class, () -> bad.run(List.of("--out", out.resolve("bad").toString(), photo)));
        assertTrue(e.getMessage().contains("headroom.output.jpeg-quality"), e.getMessage());
    }

    @Test
    void aContactSheetShowsBeforeAndAfter() throws Exception {
        assertEquals(0, command().run(List.of("--out", out.toString(), "--style", "natural", "--sheet", "--aspect", "1:1",
                PHOTOS.resolve("lisa_webcam_01.jpg").toString())));
        BufferedImage sheet = ImageIO.read(out.resolve("lisa_webcam_01-1x1-sheet.jpg").toFile());
        assertEquals(ContactSheet.HEIGHT + 32, sheet.getHeight());
        assertTrue(sheet.getWidth() > 2 * ContactSheet.HEIGHT * 3 / 4, "two pictures side by side");
        assertThrows(CliException.class, () -> command().run(List.of("--out", out.toString(), "--style", "baroque",
                PHOTOS.resolve("lisa_webcam_01.jpg").toString())));
    }

    /** The person alone, for the studio's own compositing: same framing, the room transparent, the face opaque. */
    @Test
    void aCutOutIsThePersonOnTransparencyInTheHeadshotsFrame() throws Exception {
        assertEquals(0, command().run(List.of("--out", out.toString(), "--cutout", "--aspect", "1:1",
                PHOTOS.resolve("london_005_neutral.jpg").toString())));
        BufferedImage cut = ImageIO.read(out.resolve("london_005_neutral-1x1-cutout.png").toFile());
        BufferedImage headshot = ImageIO.read(out.resolve("london_005_neutral-1x1.jpg").toFile());
        assertTrue(cut.getColorModel().hasAlpha());
        assertEquals(headshot.getWidth(), cut.getWidth());
        assertEquals(headshot.getHeight(), cut.getHeight());
        int w = cut.getWidth();
        int h = cut.getHeight();
        assertEquals(0, cut.getRGB(8, 8) >>> 24, "the room above the shoulders is transparent");
        assertEquals(0, cut.getRGB(w - 8, 8) >>> 24);
        int face = cut.getRGB(w / 2, (int) (0.5 * h));
        assertEquals(255, face >>> 24, "the face is opaque");
        int shown = headshot.getRGB(w / 2, (int) (0.5 * h));
        for (int shift : new int[] {16, 8, 0}) {
            assertTrue(Math.abs(((face >> shift) & 0xFF) - ((shown >> shift) & 0xFF)) <= 12, "the face's colours are the headshot's");
        }
        // It says how it was made, as headshots do, and nothing else.
        String xmp = org.apache.commons.imaging.Imaging.getXmpXml(out.resolve("london_005_neutral-1x1-cutout.png").toFile());
        assertTrue(xmp.contains("<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicallyEnhanced</Iptc4xmpExt:DigitalSourceType>"), xmp);
        assertFalse(xmp.contains("Date") || xmp.contains("tiff:") || xmp.contains("exif:"), xmp);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("london_005_neutral-1x1-cutout.png", report.path("photos").get(0).path("headshots").get(0).path("cutout").asText());
    }

    @Test
    void noUsablePhotoIsAnErrorWithAReason() {
        CliException e = assertThrows(CliException.class, () -> command().run(List.of("--out", out.toString(),
                PHOTOS.resolve("brick_texture_gray.png").toString())));
        assertEquals(ProcessCommand.NOTHING_USABLE, e.status());
        assertTrue(e.getMessage().contains("No usable photo"));
        assertTrue(Files.exists(out.resolve("report.json")), "the verdicts are still written");
    }

    @Test
    void usageErrors() {
        assertEquals(2, assertThrows(CliException.class, () -> command().run(List.of("--out", out.toString()))).status());
        assertEquals(2, assertThrows(CliException.class, () -> command().run(List.of(PHOTOS.resolve("london_005_neutral.jpg").toString()))).status());
        assertThrows(CliException.class, () -> command().run(List.of("--out", out.toString(), "--aspect", "wide", "x.jpg")));
    }
}
