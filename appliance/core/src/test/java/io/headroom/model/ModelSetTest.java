package io.headroom.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSetTest {

    private static final Path SHIPPED = Path.of(System.getProperty("headroom.models.dir", "../../installer/models"));

    @Test
    void theShippedModelsMatchTheirManifest() {
        ModelSet set = ModelSet.open(SHIPPED);
        assertTrue(set.files().size() >= 2);
        for (ModelFile m : set.files()) {
            assertEquals(SHIPPED.resolve(m.file()), set.verified(m.role()));
            assertTrue(m.source().startsWith("npm:"), m.source());
            assertEquals("Apache-2.0", m.licence());
            assertTrue(Files.exists(SHIPPED.resolve("LICENSE-blazeface-Apache-2.0.txt")), "the licence travels with the models");
        }
    }

    @Test
    void aSwappedModelFileIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Files.copy(SHIPPED.resolve("manifest.json"), dir.resolve("manifest.json"));
        Files.copy(SHIPPED.resolve("face_detection_back.onnx"), dir.resolve("face_detection_front.onnx"));
        ModelSet set = ModelSet.open(dir);
        ModelIntegrityException e = assertThrows(ModelIntegrityException.class, () -> set.verified("face_detection_front"));
        assertTrue(e.getMessage().contains("not the one the manifest names"), e.getMessage());
        assertThrows(ModelIntegrityException.class, () -> set.verified("face_detection_back"), "missing file");
        assertThrows(ModelIntegrityException.class, () -> set.verified("no_such_role"));
        assertThrows(ModelIntegrityException.class, () -> ModelSet.open(dir.resolve("nowhere")));
    }

    @Test
    void anInstalledPackJoinsTheSetAndIsCheckedLikeTheRest(@TempDir Path dir) throws Exception {
        Files.copy(SHIPPED.resolve("manifest.json"), dir.resolve("manifest.json"));
        assertTrue(!ModelSet.open(dir).has("face_embedding"), "no pack, no role");
        Files.createDirectories(dir.resolve("packs"));
        byte[] model = {1, 2, 3};
        Files.write(dir.resolve("packs/embedding.onnx"), model);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(model));
        Files.writeString(dir.resolve("packs/manifest.json"), "{\"format\":1,\"models\":[{\"file\":\"packs/embedding.onnx\","
                + "\"role\":\"face_embedding\",\"sha256\":\"" + sha + "\",\"source\":\"npm:x@1\",\"path\":\"m.json\","
                + "\"licence\":\"research\",\"pack\":\"identity\"}]}");
        ModelSet set = ModelSet.open(dir);
        assertTrue(set.has("face_embedding") && set.has("face_detection_front"));
        assertEquals(dir.resolve("packs/embedding.onnx"), set.verified("face_embedding"));
        Files.write(dir.resolve("packs/embedding.onnx"), new byte[] {9});
        assertThrows(ModelIntegrityException.class, () -> set.verified("face_embedding"), "a tampered pack is refused too");
    }
}
