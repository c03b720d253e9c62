package io.headroom.it;

import io.headroom.cli.ApplianceDatabase;
import io.headroom.operator.JdbcOperatorRepository;
import io.headroom.fs.PrivateDirectories;
import io.headroom.operator.OperatorName;
import io.headroom.operator.OperatorRole;
import io.headroom.security.PasswordHasher;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the application for an IT: the server's packages, its descriptors, the libraries of the
 * packaged WAR, and a configuration of the test's own with a fresh data and keys directory, so
 * test classes never share state.
 */
public final class ItDeployment {

    private final Map<String, String> config = new LinkedHashMap<>();
    private boolean movableClock;
    private final Path data;
    private final Path keys;

    private ItDeployment(String name) {
        try {
            Path work = Path.of(System.getProperty("headroom.it.work", "target/it-work"));
            Files.createDirectories(work);
            Path root = Files.createTempDirectory(work, name + "-");
            this.data = root.resolve("data");
            this.keys = root.resolve("keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrivateDirectories.prepare(data, keys);
        config.put("headroom.data.dir", data.toString());
        config.put("headroom.keys.dir", keys.toString());
        config.put("headroom.plugins.dir", System.getProperty("headroom.it.plugins", "target/it-plugins"));
        // Signed by the build with a key of its own (signatures are required, as by default).
        config.put("headroom.plugins.trusted-keys", System.getProperty("headroom.it.plugin-keys", "target/it-plugin-keys"));
        config.put("headroom.models.dir", Path.of("../../installer/models").toAbsolutePath().normalize().toString());
        // The build machine may be short of disk; admission is tested with its own setting.
        config.put("headroom.admission.disk-reserve", "1MiB");
        // Tests open many sessions and jobs from one address; the limits are tested with their own settings.
        config.put("headroom.limits.session-opens-per-minute", "10000");
        config.put("headroom.limits.jobs-per-session", "50");
    }

    public Path data() {
        return data;
    }

    public static ItDeployment named(String name) {
        return new ItDeployment(name);
    }

    public ItDeployment with(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Replaces the application's clock by one the test moves ({@code POST api/test/clock?advance=PT1H}). */
    public ItDeployment withMovableClock() {
        movableClock = true;
        return this;
    }

    public Path keys() {
        return keys;
    }

    /** Creates an operator account the way {@code headroom operator add} does, before the server starts. */
    public ItDeployment withOperator(String name, OperatorRole role, String password) {
        new JdbcOperatorRepository(ApplianceDatabase.open(data), Clock.systemUTC())
                .add(new OperatorName(name), role, new PasswordHasher().hash(password.toCharArray()));
        return this;
    }

    public WebArchive war() {
        StringBuilder properties = new StringBuilder();
        config.forEach((k, v) -> properties.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        WebArchive war = ShrinkWrap.create(WebArchive.class, "headroom.war")
                .addPackages(true, "io.headroom.server")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource")
                .addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/beans.xml"), "beans.xml")
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/web.xml"), "web.xml")
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/glassfish-web.xml"), "glassfish-web.xml");
        if (movableClock) {
            war.addPackage("io.headroom.it.clock");
        }
        try (Stream<Path> libs = Files.list(Path.of("target/headroom/WEB-INF/lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).forEach(p -> war.addAsLibrary(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Run the package phase first: the IT uses the packaged WAR's libraries", e);
        }
        return war;
    }
}
