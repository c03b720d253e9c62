package io.headroom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The licensed test photos kept with the core module's tests (credits in CREDITS.md there). */
final class Photos {

    static final Path DIR = Path.of("../core/src/test/resources/photos");

    private Photos() {
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
