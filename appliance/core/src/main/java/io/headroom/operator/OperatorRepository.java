package io.headroom.operator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Operator accounts and their console tokens: the only user of the {@code operators} and
 * {@code operator_tokens} tables, for the appliance (sign-in, in its transactions) and the command
 * line ({@code headroom operator add|list}, on a stopped appliance's database) alike. Tokens are
 * kept only as keyed hashes; passwords only as Argon2id hashes.
 *
 * <p>Every method works in the caller's transaction where there is one (the appliance's), else
 * commits on its own (the command line's). Database failures are {@link StoreFailed}.
 */
public interface OperatorRepository {

    /** An operator account as stored. */
    record Operator(String id, String name, OperatorRole role, String passwordHash) {
        @Override
        public String toString() {
            return "Operator[" + name + ", " + role.roleName() + "]"; // never the hash
        }
    }

    /** An operator as listed: no hash, no lockout details. */
    record Listed(String name, OperatorRole role) {
    }

    /**
     * The database could not be read or written. The message names the SQL state only: a driver's
     * own message may quote the row's values (a name, a password hash).
     */
    final class StoreFailed extends RuntimeException {
        public StoreFailed(Throwable cause) {
            super("The operators table could not be read or written"
                    + (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null ? " (SQL state " + sql.getSQLState() + ")" : ""),
                    cause);
        }
    }

    boolean anyAdmin();

    boolean exists(OperatorName name);

    /** Adds an operator with an already computed Argon2id hash. */
    void add(OperatorName name, OperatorRole role, String passwordHash);

    /** Every operator by name. */
    List<Listed> list();

    Optional<Operator> findByName(String name);

    Optional<Operator> find(String id);

    /** A sign-in succeeded at {@code at}. */
    void signedIn(String id, Instant at);

    void addToken(String tokenHash, String operatorId, Instant createdAt, Instant expiresAt);

    /** The operator id a token hash belongs to, if the token has not expired at {@code now}. */
    Optional<String> operatorOfToken(String tokenHash, Instant now);

    void removeToken(String tokenHash);
}
