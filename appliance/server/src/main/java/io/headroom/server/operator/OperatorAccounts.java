package io.headroom.server.operator;

import io.headroom.operator.Lockout;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.PasswordHasher;
import io.headroom.security.RandomTokens;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.guard.ApplianceSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.headroom.operator.OperatorRepository;
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

    /**
     * Signs an operator in. Failures are committed (not rolled back) so the lockout counts them.
     *
     * @throws ProblemException 401 for a wrong name or password, 423 while the account is locked
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public SignIn signIn(String name, char[] password) {
        try {
            Instant now = clock.instant();
            Optional<OperatorRepository.Operator> found = name == null || name.length() > 64 ? Optional.empty() : operators.lockByName(name);
            if (found.isEmpty()) {
                passwords.verify(password, decoyHash);
                throw wrongCredentials();
            }
            OperatorRepository.Operator operator = found.get();
            Lockout lockout = settings.lockout();
            Optional<Duration> locked = operator.guard().lockedFor(now);
            if (locked.isPresent()) {
                throw lockedOut(locked.get());
            }
            if (!passwords.verify(password, operator.passwordHash())) {
                Lockout.AccountGuard after = lockout.afterFailure(operator.guard(), now);
                operators.guard(operator.id(), after);
                Optional<Duration> nowLocked = after.lockedFor(now);
                if (nowLocked.isPresent()) {
                    LOG.warning(() -> "An operator account was locked after " + lockout.maxFailures() + " failed sign-ins");
                    throw lockedOut(nowLocked.get());
                }
                throw wrongCredentials();
            }
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
                "This operator account is locked after too many wrong passwords. Try again in "
                        + Math.max(1, (left.toSeconds() + 59) / 60) + " minutes, or ask an admin.", left);
    }
}
