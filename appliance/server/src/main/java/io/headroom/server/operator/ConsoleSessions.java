package io.headroom.server.operator;

import io.headroom.config.ConfigKeys;
import io.headroom.server.guard.ApplianceSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Console sessions: the operator token of a console sign-in travels only in a cookie the page's
 * scripts cannot read ({@code HttpOnly}), sent only over HTTPS ({@code Secure}) and never with a
 * request another site starts ({@code SameSite=Strict}); every change must also carry the
 * session's CSRF token (an HMAC of the operator token under the appliance's secret, so nothing
 * more is stored). A session unused for {@code headroom.console.idle-timeout} ends: its token is
 * revoked.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** The cookie's name. */
    public static final String COOKIE = "headroom-console";
    /** The header a change sends its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    @Inject
    ApplianceSecrets secrets;

    @Inject
    OperatorAccounts accounts;

    @Inject
    Clock clock;

    private Duration idleTimeout;
    private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        idleTimeout = ConfigKeys.CONSOLE_IDLE_TIMEOUT.in(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A console session begins with this operator token. */
    public void started(String token) {
        lastUse.put(secrets.tokenHasher().hash(token), clock.instant());
    }

    /** The console's operator token, from the request's cookie. */
    public static Optional<String> tokenOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty() && c.getValue().length() <= 128) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the console session of {@code token} is still alive, counting this use; a session
     * idle too long (or unknown since a restart) ends here and its token is revoked.
     */
    public boolean touch(String token) {
        String key = secrets.tokenHasher().hash(token);
        Instant now = clock.instant();
        Instant last = lastUse.get(key);
        if (last == null || last.plus(idleTimeout).isBefore(now)) {
            lastUse.remove(key);
            accounts.signOut(token);
            return false;
        }
        lastUse.put(key, now);
        return true;
    }

    /** Ends a console session. */
    public void ended(String token) {
        lastUse.remove(secrets.tokenHasher().hash(token));
        accounts.signOut(token);
    }

    /** The CSRF token of a console session. */
    public String csrfOf(String token) {
        return secrets.tokenHasher().hash("console-csrf:" + token);
    }

    /** Whether {@code sent} is the session's CSRF token (compared in constant time). */
    public boolean csrfMatches(String token, String sent) {
        return sent != null && MessageDigest.isEqual(csrfOf(token).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** The Set-Cookie value that starts ({@code value}) or ends (null) the console session. */
    public static String setCookie(String value) {
        return COOKIE + "=" + (value == null ? "" : value) + "; Path=/; HttpOnly; Secure; SameSite=Strict"
                + (value == null ? "; Max-Age=0" : "");
    }
}
