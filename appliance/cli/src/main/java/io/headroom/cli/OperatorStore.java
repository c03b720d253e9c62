package io.headroom.cli;

import io.headroom.operator.OperatorName;
import io.headroom.operator.OperatorRole;
import io.headroom.security.RandomTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Operator accounts in the appliance's database, for the command line. */
public final class OperatorStore {

    /** An operator as listed: no hash, no lockout details. */
    public record Listed(String name, OperatorRole role) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final RandomTokens random = new RandomTokens();

    public OperatorStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public boolean anyAdmin() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM operators WHERE role = 'admin'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    public boolean exists(OperatorName name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM operators WHERE name = ?")) {
            ps.setString(1, name.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Adds an operator with an already computed Argon2id hash. */
    public void add(OperatorName name, OperatorRole role, String passwordHash) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO operators (id, name, role, password_hash, failed_attempts, created_at) VALUES (?, ?, ?, ?, 0, ?)")) {
            ps.setString(1, random.id());
            ps.setString(2, name.value());
            ps.setString(3, role.roleName());
            ps.setString(4, passwordHash);
            ps.setLong(5, clock.millis());
            ps.executeUpdate();
        }
    }

    public List<Listed> list() throws SQLException {
        List<Listed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name, role FROM operators ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Listed(rs.getString(1), OperatorRole.of(rs.getString(2))));
            }
        }
        return out;
    }
}
