package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.db.DatabaseLocation;
import io.headroom.operator.JdbcOperatorRepository;
import io.headroom.operator.OperatorRole;
import io.headroom.security.PasswordHasher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private OperatorCommand command(String password) {
        return new OperatorCommand(prompt -> password.toCharArray(), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private Path data() {
        return root.resolve("data");
    }

    private Path keys() {
        return root.resolve("keys");
    }

    private List<io.headroom.operator.OperatorRepository.Listed> listed() throws Exception {
        return new JdbcOperatorRepository(ApplianceDatabase.open(data()), Clock.systemUTC()).list();
    }

    @Test
    void firstOperatorIsAdminAndLaterOnesAreOperators() throws Exception {
        command("a long enough password").run(List.of("add", "ada"), data(), keys());
        command("a long enough password").run(List.of("add", "bob"), data(), keys());
        command("a long enough password").run(List.of("add", "cy", "--role", "admin"), data(), keys());
        assertEquals(List.of(new io.headroom.operator.OperatorRepository.Listed("ada", OperatorRole.ADMIN),
                new io.headroom.operator.OperatorRepository.Listed("bob", OperatorRole.OPERATOR),
                new io.headroom.operator.OperatorRepository.Listed("cy", OperatorRole.ADMIN)), listed());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Operator ada added with role admin."));
    }

    @Test
    void storesOnlyAnArgon2idHashThatVerifies() throws Exception {
        command("a long enough password").run(List.of("add", "ada"), data(), keys());
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DatabaseLocation.jdbcUrl(data()));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM operators")) {
            rs.next();
            String hash = rs.getString(1);
            assertTrue(hash.startsWith("$argon2id$"));
            assertFalse(hash.contains("a long enough password"));
            assertTrue(new PasswordHasher().verify("a long enough password".toCharArray(), hash));
        }
    }

    @Test
    void refusesShortPasswordDuplicateNameBadNameAndBadRole() throws Exception {
        CliException shortPw = assertThrows(CliException.class, () -> command("short").run(List.of("add", "ada"), data(), keys()));
        assertTrue(shortPw.getMessage().contains("at least 12"));
        command("a long enough password").run(List.of("add", "ada"), data(), keys());
        assertThrows(CliException.class, () -> command("a long enough password").run(List.of("add", "ada"), data(), keys()));
        assertThrows(CliException.class, () -> command("a long enough password").run(List.of("add", "no spaces"), data(), keys()));
        assertThrows(CliException.class, () -> command("a long enough password").run(List.of("add", "x", "--role", "root"), data(), keys()));
        assertThrows(CliException.class, () -> command("a long enough password").run(List.of(), data(), keys()));
        assertEquals(1, listed().size(), "refused commands leave nothing behind");
    }

    @Test
    void refusesKeysInsideData() {
        assertThrows(IllegalStateException.class,
                () -> command("a long enough password").run(List.of("add", "ada"), data(), data().resolve("keys")));
    }
}
