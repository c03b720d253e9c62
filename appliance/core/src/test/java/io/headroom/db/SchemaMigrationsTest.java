package io.headroom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

    @TempDir
    Path data;

    private JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DatabaseLocation.jdbcUrl(data));
        return ds;
    }

    @Test
    void createsSchemaInAFileUnderTheDataDirectory() throws Exception {
        assertEquals("13", SchemaMigrations.migrate(dataSource()));
        assertTrue(data.resolve("db/headroom.mv.db").toFile().isFile());
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                     + "AND TABLE_NAME IN ('SESSIONS', 'OPERATORS', 'OPERATOR_TOKENS', 'INVITATIONS', 'SESSION_KEYS', 'PHOTOS')")) {
            rs.next();
            assertEquals(6, rs.getInt(1));
        }
    }

    @Test
    void migratingAgainKeepsData() throws Exception {
        SchemaMigrations.migrate(dataSource());
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO operators (id, name, role, password_hash, created_at) VALUES ('1', 'ada', 'admin', 'x', 0)");
        }
        assertEquals("13", SchemaMigrations.migrate(dataSource()));
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM operators")) {
            assertTrue(rs.next());
            assertEquals("ada", rs.getString(1));
        }
    }

    @Test
    void urlIsAbsoluteFileUrl() {
        String url = DatabaseLocation.jdbcUrl(Path.of("relative/dir"));
        assertTrue(url.startsWith("jdbc:h2:file:/"), url);
        assertTrue(url.contains("/relative/dir/db/headroom;"), url);
    }
}
