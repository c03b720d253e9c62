package io.headroom.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The npm package the build fetched for the tests (checked by hash), read once. */
public final class HumanModels {

    static final Path TARBALL = Path.of(System.getProperty("headroom.test.human-models", "target/npm/human-models-3.0.4.tgz"));

    private HumanModels() {
    }

    public static Map<String, byte[]> entries(Set<String> names) {
        try (InputStream in = Files.newInputStream(TARBALL)) {
            return NpmTarball.read(in, names);
        } catch (IOException e) {
            throw new UncheckedIOException("the test package " + TARBALL + " is missing: run the build's generate-test-resources phase", e);
        }
    }
}
