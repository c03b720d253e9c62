package io.headroom.hotfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.batch.PhotoBatch;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.LocalPipeline;
import io.headroom.style.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client folder made into headshots with the real models, its originals gone afterwards. */
class ClientFolderTest {

    private static final Path PHOTOS = Path.of("src/test/resources/photos");
    private static ModelSet models;
    private static LocalPipeline local;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        models = ModelSet.open(Path.of(System.getProperty("headroom.models.dir", "../../installer/models")));
        local = new LocalPipeline(models, new HeadshotEncoder(92, "", true));
    }

    @AfterAll
    static void close() {
        local.close();
    }

    private ClientFolder.Outcome process(Path folder, Path out) throws Exception {
        PhotoCleaner intake = new PhotoCleaner(new IntakeLimits(25_000_000, 40_000_000, 100), new DecodeBudget(160_000_000, Duration.ofMinutes(1)));
        return ClientFolder.process(folder, out, id -> id.equals("natural") ? Optional.of(Style.natural()) : Optional.empty(),
                List.of("natural"), List.of(Aspect.parse("1:1")),
                (style, aspects) -> new PhotoBatch(intake, local.pipeline(), new PhotoBatch.Options(style, aspects, true, false)),
                (styleOut, style, aspects, photos) -> PhotoBatch.writeReport(styleOut, models, local.roles(), style, aspects, photos));
    }

    @Test
    void aClientsPhotosBecomeHeadshotsSheetsAndAReportAndTheOriginalsAreGone() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in/anna-2026-12-07"));
        Files.copy(PHOTOS.resolve("london_005_neutral.jpg"), folder.resolve("IMG_0001.jpg"));
        Files.copy(PHOTOS.resolve("coffee_cup.png"), folder.resolve("IMG_0002.png"));
        Files.writeString(folder.resolve(ClientFolder.SETTINGS), "aspects=4:5\n");
        // A hard link made before shows what became of the original's bytes on disk.
        Path witness = Files.createLink(dir.resolve("witness.jpg"), folder.resolve("IMG_0001.jpg"));
        Path out = dir.resolve("out");

        ClientFolder.Outcome o = process(folder, out);

        assertEquals(2, o.photos());
        assertEquals(1, o.usable());
        assertEquals(1, o.headshots());
        Path natural = out.resolve("anna-2026-12-07/natural");
        assertTrue(Files.exists(natural.resolve("IMG_0001-4x5.jpg")), list(natural));
        assertTrue(Files.exists(natural.resolve("IMG_0001-4x5-sheet.jpg")), list(natural));
        assertTrue(Files.readString(natural.resolve("report.json")).contains("\"IMG_0002.png\""));
        String failed = Files.readString(out.resolve("anna-2026-12-07/failed.txt"));
        assertTrue(failed.contains("IMG_0002.png: ") && !failed.contains("IMG_0001"), failed);
        assertFalse(Files.exists(folder), "the client's folder is gone from in/");
        byte[] left = Files.readAllBytes(witness);
        assertTrue(left.length > 0);
        for (byte b : left) {
            if (b != 0) {
                throw new AssertionError("the original's bytes were not overwritten before removal");
            }
        }
    }

    @Test
    void aFolderNamingAStyleThatDoesNotExistIsRefusedAndKept() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in/ben"));
        Files.copy(PHOTOS.resolve("london_005_neutral.jpg"), folder.resolve("1.jpg"));
        Files.writeString(folder.resolve(ClientFolder.SETTINGS), "styles=natural,vintage/sepia\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> process(folder, dir.resolve("out")));
        assertTrue(e.getMessage().contains("vintage/sepia"), e.getMessage());
        assertTrue(Files.exists(folder.resolve("1.jpg")), "nothing is removed from a folder that was not processed");
    }

    private static String list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList().toString();
        }
    }
}
