package io.headroom.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The installation's {@code models/} folder as its {@code manifest.json} describes it. A model is
 * handed out only after its SHA-256 matched the manifest, so a swapped or damaged weight file is
 * refused with a clear message instead of producing strange results.
 */
public final class ModelSet {

    private final Path directory;
    private final Map<String, ModelFile> byRole;

    private ModelSet(Path directory, Map<String, ModelFile> byRole) {
        this.directory = directory;
        this.byRole = byRole;
    }

    /**
     * Reads the manifest, and that of the optional packs ({@code packs/manifest.json}, written by
     * {@code headroom models install}) when there is one. Hashes are checked when a model is asked for.
     */
    public static ModelSet open(Path directory) {
        List<ModelFile> files = new ArrayList<>(read(directory.resolve("manifest.json")));
        Path packs = directory.resolve("packs").resolve("manifest.json");
        if (Files.exists(packs)) {
            files.addAll(read(packs));
        }
        try {
            return new ModelSet(directory, files.stream().collect(Collectors.toUnmodifiableMap(ModelFile::role, Function.identity())));
        } catch (IllegalStateException e) {
            throw new ModelIntegrityException("Two model manifests name the same role: " + e.getMessage());
        }
    }

    private static List<ModelFile> read(Path manifest) {
        try {
            JsonNode root = new ObjectMapper().readTree(manifest.toFile());
            List<ModelFile> files = new ArrayList<>();
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            for (JsonNode n : root.path("models")) {
                files.add(mapper.treeToValue(n, ModelFile.class));
            }
            return files;
        } catch (IOException e) {
            throw new ModelIntegrityException("The model manifest " + manifest + " is missing or unreadable: " + e.getMessage());
        }
    }

    /** Whether the manifests name a model for {@code role} (an optional pack may be absent). */
    public boolean has(String role) {
        return byRole.containsKey(role);
    }

    /** The folder the models are in. */
    public Path directory() {
        return directory;
    }

    /** Every model of the manifest. */
    public List<ModelFile> files() {
        return byRole.values().stream().sorted(java.util.Comparator.comparing(ModelFile::role)).toList();
    }

    public Optional<ModelFile> entry(String role) {
        return Optional.ofNullable(byRole.get(role));
    }

    /**
     * The path of the model for {@code role}, after checking its hash.
     *
     * @throws ModelIntegrityException when the manifest has no such model, the file is missing,
     *                                 or its SHA-256 differs from the manifest's
     */
    public Path verified(String role) {
        ModelFile m = entry(role).orElseThrow(() -> new ModelIntegrityException("The model manifest lists no model for " + role));
        Path file = directory.resolve(m.file());
        String actual = sha256(file);
        if (!actual.equals(m.sha256())) {
            throw new ModelIntegrityException("The model file " + file + " is not the one the manifest names (sha256 " + actual
                    + ", expected " + m.sha256() + "). Restore it with installer/models/fetch-models.sh --write or reinstall.");
        }
        return file;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new ModelIntegrityException("The model file " + file + " is missing or unreadable");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
