package io.headroom.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.db.DatabaseLocation;
import io.headroom.db.SchemaMigrations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcOperatorRepositoryTest {

    private static final String HASH = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

    @Test
    void aRefusedWriteSaysSoWithoutQuotingTheRow(@TempDir Path data) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DatabaseLocation.jdbcUrl(data));
        SchemaMigrations.migrate(ds);
        JdbcOperatorRepository store = new JdbcOperatorRepository(ds, Clock.systemUTC());
        store.add(new OperatorName("ada"), OperatorRole.ADMIN, HASH);

        OperatorRepository.StoreFailed e = assertThrows(OperatorRepository.StoreFailed.class,
                () -> store.add(new OperatorName("ada"), OperatorRole.OPERATOR, HASH));

        assertTrue(e.getMessage().startsWith("The operators table could not be read or written (SQL state "), e.getMessage());
        assertFalse(e.getMessage().contains("ada") || e.getMessage().contains("argon2"), e.getMessage());
        assertEquals(List.of(new OperatorRepository.Listed("ada", OperatorRole.ADMIN)), store.list());
    }
}
