package io.headroom.operator;

import io.headroom.security.RandomTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link OperatorRepository} over JDBC. Each call takes a connection from {@code dataSource} and
 * gives it back: in the appliance the container's data source hands out the connection of the
 * caller's transaction, on the command line H2's commits each statement. Moments are stored as
 * epoch milliseconds, as everywhere in the schema.
 */
public final class JdbcOperatorRepository implements OperatorRepository {

    private static final String COLUMNS = "id, name, role, password_hash";

    private final DataSource dataSource;
    private final Clock clock;
    private final RandomTokens random = new RandomTokens();

    public JdbcOperatorRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T with(String sql, Statement<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return work.run(ps);
        } catch (SQLException e) {
            throw new StoreFailed(e);
        }
    }

    @Override
    public boolean anyAdmin() {
        return with("SELECT COUNT(*) FROM operators WHERE role = 'admin'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    @Override
    public boolean exists(OperatorName name) {
        return with("SELECT 1 FROM operators WHERE name = ?", ps -> {
            ps.setString(1, name.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public void add(OperatorName name, OperatorRole role, String passwordHash) {
        with("INSERT INTO operators (id, name, role, password_hash, failed_attempts, created_at) VALUES (?, ?, ?, ?, 0, ?)", ps -> {
            ps.setString(1, random.id());
            ps.setString(2, name.value());
            ps.setString(3, role.roleName());
            ps.setString(4, passwordHash);
            ps.setLong(5, clock.millis());
            return ps.executeUpdate();
        });
    }

    @Override
    public List<Listed> list() {
        return with("SELECT name, role FROM operators ORDER BY name", ps -> {
            List<Listed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listed(rs.getString(1), OperatorRole.of(rs.getString(2))));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Operator> findByName(String name) {
        return with("SELECT " + COLUMNS + " FROM operators WHERE name = ?", ps -> {
            ps.setString(1, name);
            return one(ps);
        });
    }

    @Override
    public Optional<Operator> find(String id) {
        return with("SELECT " + COLUMNS + " FROM operators WHERE id = ?", ps -> {
            ps.setString(1, id);
            return one(ps);
        });
    }

    private static Optional<Operator> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Operator(rs.getString(1), rs.getString(2), OperatorRole.of(rs.getString(3)), rs.getString(4)));
        }
    }

    @Override
    public void signedIn(String id, Instant at) {
        with("UPDATE operators SET last_sign_in_at = ? WHERE id = ?", ps -> {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, id);
            return ps.executeUpdate();
        });
    }

    @Override
    public void addToken(String tokenHash, String operatorId, Instant createdAt, Instant expiresAt) {
        with("INSERT INTO operator_tokens (token_hash, operator_id, created_at, expires_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, tokenHash);
            ps.setString(2, operatorId);
            ps.setLong(3, createdAt.toEpochMilli());
            ps.setLong(4, expiresAt.toEpochMilli());
            return ps.executeUpdate();
        });
    }

    @Override
    public Optional<String> operatorOfToken(String tokenHash, Instant now) {
        return with("SELECT operator_id FROM operator_tokens WHERE token_hash = ? AND expires_at > ?", ps -> {
            ps.setString(1, tokenHash);
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public void removeToken(String tokenHash) {
        with("DELETE FROM operator_tokens WHERE token_hash = ?", ps -> {
            ps.setString(1, tokenHash);
            return ps.executeUpdate();
        });
    }
}
