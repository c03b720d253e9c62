package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.face.TestDetectors;
import io.headroom.matte.PersonSegmenter;
import io.headroom.pipeline.FramingJudge;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every usable shared photo in every style of both shipped packs, through {@code headroom process
 * --sheet} with the pack jars installed: each photo gives headshots, and each headshot passes the
 * tests' own framing judge ({@link FramingJudge}: shoulders run out of the frame, no bust ending
 * above the bottom edge). The contact sheets stay in {@code target/pack-styles-framing/} to be
 * looked at.
 */
class PackStylesFramingIT {

    private static final List<String> ALL_STYLES = List.of("corporate/bright-office", "corporate/navy-gradient", "corporate/studio-grey",
            "creative/bold-colour", "creative/warm-film", "creative/high-key-bw");

    /** One style of each pack in {@code verify}; all six with {@code -Pall-pack-styles} ({@code headroom.pack-styles=all}). */
    static Stream<String> styles() {
        return "all".equals(System.getProperty("headroom.pack-styles")) ? ALL_STYLES.stream()
                : Stream.of("corporate/studio-grey", "creative/bold-colour");
    }

    @ParameterizedTest
    @MethodSource("styles")
    void everyUsableSharedPhotoIsFramedWithItsShouldersRunningOutOfTheFrame(String style) throws IOException {
        Path photos = Path.of(System.getProperty("headroom.test.photos"));
        Path out = Path.of("target", "pack-styles-framing", style.replace('/', '-'));
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--style", style, "--sheet"));
        FramingJudge.GIVE_HEADSHOTS.forEach(name -> args.add(photos.resolve(name).toString()));
        ProcessCommand command = new ProcessCommand(Path.of(System.getProperty("headroom.models.dir")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Path.of(System.getProperty("headroom.it.plugins", "target/it-plugins")), Map.of());
        assertEquals(0, command.run(args));

        List<String> failures = new ArrayList<>();
        try (PersonSegmenter judge = TestDetectors.SEGMENTATION.segmenter()) {
            for (String name : FramingJudge.GIVE_HEADSHOTS) {
                String stem = name.substring(0, name.lastIndexOf('.'));
                List<Path> headshots;
                try (Stream<Path> files = Files.list(out)) {
                    headshots = files.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(stem) + "-\\d+x\\d+\\.jpg"))
                            .sorted().toList();
                }
                if (headshots.isEmpty()) {
                    failures.add(name + ": no headshot");
                }
                for (Path h : headshots) {
                    BufferedImage img = ImageIO.read(h.toFile());
                    FramingJudge.verdict(judge, img).ifPresent(v -> failures.add(h.getFileName() + ": " + v));
                }
            }
        }
        assertEquals(List.of(), failures, style);
    }
}
