package io.headroom.server.operator;

import io.headroom.guard.ConcurrencyLimit;
import io.headroom.operator.OperatorRepository;
import io.headroom.operator.SignInLockout;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.PasswordHasher;
import io.headroom.security.RandomTokens;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.guard.ApplianceSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Operator sign-in: Argon2id password check, lockout after repeated failures, and bearer tokens
 * for the console that expire and can be revoked by signing out.
 */
@ApplicationScoped
public class OperatorAccounts {

    private static final Logger LOG = Logger.getLogger(OperatorAccounts.class.getName());

    /** A successful sign-in; the token is shown this once. */
    public record SignIn(String token, Instant expiresAt, String name, String role) {
    }

    private final RandomTokens random = new RandomTokens();
    private final PasswordHasher passwords = new PasswordHasher();
    /** Verified against when the name is unknown, so the answer takes as long as for a known name. */
    private final String decoyHash = passwords.hash("decoy password".toCharArray());

    @Inject
    OperatorRepository operators;

    @Inject
    ApplianceSecrets secrets;

    @Inject
    HeadroomSettings settings;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    private SignInLockout lockouts;
    private ConcurrencyLimit hashing;

    @PostConstruct
    void init() {
        lockouts = new SignInLockout(settings.lockout(), 100_000, clock);
        hashing = new ConcurrencyLimit(settings.limits().signInConcurrency(), Duration.ofSeconds(1),
                "Too many sign-ins are being checked at once. Please try again in a moment.");
    }

    /**
     * Signs an operator in from {@code client}. An unknown name and a wrong password get the same
     * answer, body and (the password hashed against a decoy) time; failures are counted per name
     * and client address, so a lock never reaches the operator at another address, and a lock of
     * an unknown name reads exactly like one of a real name. At most {@code sign-in-concurrency}
     * hashes run at once. Only a success writes to the database (its last sign-in and its token);
     * a lock is written to the audit log, in this transaction.
     *
     * @throws ProblemException 401 for a wrong name or password, 423 while the name is locked for
     *                          this address, 429 when too many sign-ins are being checked at once
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public SignIn signIn(String name, char[] password, String client) {
        try {
            if (name == null || name.isEmpty() || name.length() > 64) {
                throw wrongCredentials();
            }
            Optional<Duration> locked = lockouts.lockedFor(name, client);
            if (locked.isPresent()) {
                throw lockedOut(locked.get());
            }
            Optional<OperatorRepository.Operator> found = operators.findByName(name);
            boolean matches = hashing.run(() -> passwords.verify(password, found.map(OperatorRepository.Operator::passwordHash).orElse(decoyHash)));
            if (found.isEmpty() || !matches) {
                Optional<Duration> nowLocked = lockouts.failed(name, client);
                if (nowLocked.isPresent()) {
                    LOG.warning(() -> "An operator name was locked for one address after " + settings.lockout().maxFailures()
                            + " failed sign-ins");
                    audit.record("sign-in-locked", (found.isPresent() ? "operator " + found.get().name() : "an unknown operator name")
                            + " locked for one client address after " + settings.lockout().maxFailures() + " failed sign-ins");
                    throw lockedOut(nowLocked.get());
                }
                throw wrongCredentials();
            }
            OperatorRepository.Operator operator = found.get();
            lockouts.succeeded(name, client);
            Instant now = clock.instant();
            operators.signedIn(operator.id(), now);
            String token = random.capability();
            Instant expiresAt = now.plus(settings.operatorTokenLifetime());
            operators.addToken(secrets.tokenHasher().hash(token), operator.id(), now, expiresAt);
            return new SignIn(token, expiresAt, operator.name(), operator.role().roleName());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The operator holding this console token, if it is valid and not expired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OperatorPrincipal> resolve(String token) {
        if (token == null || token.length() > 128) {
            return Optional.empty();
        }
        return operators.operatorOfToken(secrets.tokenHasher().hash(token), clock.instant())
                .flatMap(operators::find)
                .map(o -> new OperatorPrincipal(o.id(), o.name(), o.role()));
    }

    /** Revokes a console token; unknown tokens are ignored. */
    @Transactional
    public void signOut(String token) {
        if (token != null && token.length() <= 128) {
            operators.removeToken(secrets.tokenHasher().hash(token));
        }
    }

    private static ProblemException wrongCredentials() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "The operator name or password is wrong.");
    }

    private static ProblemException lockedOut(Duration left) {
        return new ProblemException(ProblemType.ACCOUNT_LOCKED,
                "Too many wrong passwords for this name from your address. Try again in "
                        + Math.max(1, (left.toSeconds() + 59) / 60) + " minutes.", left);
    }
}
