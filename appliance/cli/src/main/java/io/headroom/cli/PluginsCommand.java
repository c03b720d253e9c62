package io.headroom.cli;

import io.headroom.plugin.PluginTrust;
import io.headroom.plugin.PluginVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code headroom plugins list | trust-key PUB.pem | trust JAR}: what the plugins folder holds and
 * whether each jar would be let in, and the operator's two ways of trusting on purpose: an
 * author's key (every jar that author signs) or one jar's exact bytes (its SHA-256). Both are
 * written to the trust folder, which a running appliance reads again at the next reload.
 */
final class PluginsCommand {

    static final String USAGE = "usage: headroom plugins list | trust-key PUB.pem | trust JAR";

    private final PrintStream out;
    private final Path pluginsFolder;
    private final Map<String, String> configuration;

    PluginsCommand(PrintStream out, Path pluginsFolder, Map<String, String> configuration) {
        this.out = out;
        this.pluginsFolder = pluginsFolder;
        this.configuration = configuration;
    }

    void run(List<String> args) {
        if (args.isEmpty()) {
            throw new CliException(USAGE);
        }
        Path trust = CliPlugins.trustFolder(configuration);
        switch (args.get(0)) {
            case "list" -> {
                requireArgs(args, 1);
                list(trust);
            }
            case "trust-key" -> {
                requireArgs(args, 2);
                trustKey(trust, Path.of(args.get(1)));
            }
            case "trust" -> {
                requireArgs(args, 2);
                pin(trust, Path.of(args.get(1)));
            }
            default -> throw new CliException(USAGE);
        }
    }

    private static void requireArgs(List<String> args, int n) {
        if (args.size() != n) {
            throw new CliException(USAGE);
        }
    }

    private void trustKey(Path trust, Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CliException("Cannot read the key file " + pem);
        }
        try {
            PluginTrust.TrustedKey key = PluginTrust.addKey(trust, text);
            out.println("Trusted plugin key " + key.id() + " (" + trust.resolve(key.file()) + "): jars signed by it load at the next "
                    + "plugin reload (POST /api/admin/plugins/reload) or start. A trusted plugin runs with the appliance's full powers.");
        } catch (IllegalArgumentException e) {
            throw new CliException(pem + " is not an Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----)");
        } catch (IOException e) {
            throw new CliException("Cannot write to the trust folder " + trust);
        }
    }

    private void pin(Path trust, Path jar) {
        String note = jar.getFileName().toString() + describe(jar).map(d -> " (" + d + ")").orElse("");
        try {
            PluginTrust.PinnedJar pinned = PluginTrust.pin(trust, sha256(jar), note);
            out.println("Pinned " + note + ", SHA-256 " + pinned.sha256() + ": exactly these bytes load at the next plugin reload "
                    + "(POST /api/admin/plugins/reload) or start, signed or not. A trusted plugin runs with the appliance's full powers.");
        } catch (IOException e) {
            throw new CliException("Cannot read " + jar + " or write to the trust folder " + trust);
        }
    }

    private static java.util.Optional<String> describe(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            if (m == null) {
                return java.util.Optional.empty();
            }
            Attributes a = m.getMainAttributes();
            return a.getValue("Plugin-Id") == null ? java.util.Optional.empty()
                    : java.util.Optional.of(a.getValue("Plugin-Id") + " " + a.getValue("Plugin-Version"));
        } catch (IOException e) {
            throw new CliException(jar + " is not a readable jar");
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each jar verified as the appliance would (nothing of it is loaded or run), then whom the folder trusts. */
    private void list(Path trust) {
        PluginVerifier verifier = CliPlugins.verifier(configuration);
        Path staging;
        try {
            staging = Files.createTempDirectory("headroom-plugins-");
        } catch (IOException e) {
            throw new CliException("Cannot make a private folder to verify the plugins in");
        }
        try (var jars = Files.isDirectory(pluginsFolder) ? Files.list(pluginsFolder) : java.util.stream.Stream.<Path>empty()) {
            out.println("Plugins in " + pluginsFolder + " (signatures " + (verifier.signatureRequired() ? "required" : "not required") + "):");
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    PluginVerifier.Verified v = verifier.stage(jar, staging);
                    out.println("  " + jar.getFileName() + ": " + v.descriptor().id() + " " + v.descriptor().version() + ", " + v.kind().word()
                            + ", " + v.trust() + ", SHA-256 " + v.sha256());
                    Files.deleteIfExists(v.copy());
                } catch (PluginVerifier.Rejected r) {
                    out.println("  " + jar.getFileName() + ": REFUSED, " + r.getMessage());
                }
            }
            PluginTrust t = verifier.trust();
            out.println("Trusted keys in " + trust + ": " + (t.keys().isEmpty() ? "none"
                    : String.join(", ", t.keys().stream().map(k -> k.id() + " (" + k.file() + ")").toList())));
            out.println("Pinned jars: " + (t.pins().isEmpty() ? "none"
                    : String.join(", ", t.pins().stream().map(p -> p.sha256().substring(0, 16) + "… " + p.note()).toList())));
        } catch (IOException e) {
            throw new CliException("Cannot read the plugins folder " + pluginsFolder);
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(staging);
            } catch (IOException ignored) {
                // An empty temporary folder.
            }
        }
    }
}
