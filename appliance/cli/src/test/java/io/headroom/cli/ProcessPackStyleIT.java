package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom process --style creative/high-key-bw}: a studio batch in a style of an installed pack jar. */
class ProcessPackStyleIT {

    @TempDir
    Path out;

    private ProcessCommand command(ByteArrayOutputStream printed) {
        return new ProcessCommand(Path.of(System.getProperty("headroom.models.dir")), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Path.of(System.getProperty("headroom.it.plugins", "target/it-plugins")), Map.of());
    }

    @Test
    void aBatchInAPackStyleGetsThatStyleAtItsSizes() throws Exception {
        Path photo = Path.of(System.getProperty("headroom.test.photos")).resolve("london_005_neutral.jpg");
        assertEquals(0, command(new ByteArrayOutputStream()).run(List.of("--out", out.toString(), "--style", "creative/high-key-bw", photo.toString())));
        BufferedImage square = ImageIO.read(out.resolve("london_005_neutral-1x1.jpg").toFile());
        assertEquals(1024, square.getWidth());
        int p = square.getRGB(square.getWidth() / 2, square.getHeight() / 2);
        assertTrue(Math.abs(((p >> 16) & 0xFF) - (p & 0xFF)) <= 6, "black and white: " + Integer.toHexString(p));
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"style\" : \"creative/high-key-bw\""),
                Files.readString(out.resolve("report.json")));
    }

    @Test
    void anUnknownPackStyleIsRefusedByName() {
        CliException e = assertThrows(CliException.class,
                () -> command(new ByteArrayOutputStream()).run(List.of("--out", out.toString(), "--style", "creative/baroque", "x.jpg")));
        assertTrue(e.getMessage().contains("creative/baroque"), e.getMessage());
    }
}
