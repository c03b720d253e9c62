package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The studio's hot folder on the installed appliance: a complete client folder is made into
 * headshots while another is still being copied (and left alone until done), originals leave
 * {@code in/}, and nothing of any photo lands in the data directory.
 */
class HotFolderIT {

    private static final Path PHOTOS = Path.of("../appliance/core/src/test/resources/photos");

    @Test
    void clientFoldersBecomeHeadshotsOnlyOnceCopiedAndLeaveNothingBehind() throws Exception {
        InstalledAppliance appliance = new InstalledAppliance("hotfolder");
        Path in = appliance.root.resolve("studio/in");
        Path out = appliance.root.resolve("studio/out");
        appliance.start(appliance.serveCommand(), Map.of("HEADROOM_HOTFOLDER_IN", in.toString(), "HEADROOM_HOTFOLDER_OUT", out.toString(),
                "HEADROOM_HOTFOLDER_QUIET", "PT4S"), appliance::healthy);
        List<byte[]> originals = new ArrayList<>();
        try {
            // Bea's folder is still being copied: its photo grows while Anna's folder is processed.
            Path bea = Files.createDirectories(in.resolve("bea"));
            byte[] beaPhoto = Files.readAllBytes(PHOTOS.resolve("london_006_neutral.jpg"));
            originals.add(beaPhoto);
            int written = beaPhoto.length / 10;
            Files.write(bea.resolve("portrait.jpg"), Arrays.copyOf(beaPhoto, written));

            Path anna = Files.createDirectories(in.resolve("anna"));
            for (String p : List.of("london_005_neutral.jpg", "london_021_smiling.jpg")) {
                originals.add(Files.readAllBytes(PHOTOS.resolve(p)));
                Files.copy(PHOTOS.resolve(p), anna.resolve(p));
            }
            Files.writeString(anna.resolve("headroom.properties"), "aspects=1:1\n");
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
            while (Files.exists(anna)) {
                // The copy of Bea's photo goes on, a slice a second, as a slow network share would.
                if (written < beaPhoto.length * 9 / 10) {
                    int next = Math.min(beaPhoto.length * 9 / 10, written + beaPhoto.length / 10);
                    try (OutputStream o = Files.newOutputStream(bea.resolve("portrait.jpg"), StandardOpenOption.APPEND)) {
                        o.write(beaPhoto, written, next - written);
                    }
                    written = next;
                }
                assertTrue(Instant.now().isBefore(giveUp), "Anna's folder was not taken:\n" + appliance.log());
                // The hot folder is watched by the appliance's timer; the test can only look.
                Thread.sleep(1000);
            }
            assertTrue(Files.exists(out.resolve("anna/natural/report.json")), list(out));
            assertTrue(Files.exists(out.resolve("anna/natural/london_005_neutral-1x1.jpg")), list(out));
            assertTrue(Files.exists(out.resolve("anna/natural/london_005_neutral-1x1-sheet.jpg")), list(out));
            assertFalse(Files.exists(out.resolve("anna/natural/london_005_neutral-4x5.jpg")), "the folder asked for 1:1 only");
            assertTrue(Files.exists(bea.resolve("portrait.jpg")) && !Files.exists(out.resolve("bea")), "Bea's folder is still being copied");

            // The copy ends; the studio's script marks the folder ready.
            try (OutputStream o = Files.newOutputStream(bea.resolve("portrait.jpg"), StandardOpenOption.APPEND)) {
                o.write(beaPhoto, written, beaPhoto.length - written);
            }
            Files.createFile(bea.resolve(".ready"));
            waitFor(() -> !Files.exists(bea), "Bea's folder was not taken", appliance);
            assertTrue(Files.exists(out.resolve("bea/natural/portrait-1x1.jpg")), list(out));
            assertTrue(Files.exists(out.resolve("bea/natural/portrait-4x5.jpg")), "the operator's aspects by default: " + list(out));
            try (Stream<Path> left = Files.list(in)) {
                assertEquals(0, left.count(), "in/ is empty");
            }
        } finally {
            appliance.stop();
        }
        // Nothing of any photo or headshot inside the data directory.
        List<byte[]> made = new ArrayList<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".jpg")).toList()) {
                made.add(Files.readAllBytes(p));
            }
        }
        try (Stream<Path> all = Files.walk(appliance.data)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                for (byte[] photo : concat(originals, made)) {
                    byte[] probe = Arrays.copyOfRange(photo, photo.length / 2, photo.length / 2 + 256);
                    assertFalse(contains(content, probe), f + " holds bytes of a photo or headshot in clear");
                }
            }
        }
    }

    private static void waitFor(BooleanSupplier done, String what, InstalledAppliance appliance) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(giveUp), what + ":\n" + appliance.log());
            // The hot folder is watched by the appliance's timer; the test can only look.
            Thread.sleep(500);
        }
    }

    private static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String list(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.map(p -> folder.relativize(p).toString()).toList().toString();
        }
    }
}
