package io.headroom.server.guard;

import io.headroom.security.SecretFiles;
import io.headroom.security.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Secrets the appliance needs, generated into the keys directory on first start (0600). Today
 * that is the key of the token hashes: session tokens, operator tokens and invitation codes
 * are stored only as HMACs under it.
 */
@ApplicationScoped
public class ApplianceSecrets {

    static final String TOKEN_KEY_FILE = "token-hmac.key";

    private volatile TokenHasher tokenHasher;

    /** Loads the secrets from the keys directory, making them on first start; start-up calls it once. */
    public void load(Path keysDirectory) {
        byte[] key = new SecretFiles(keysDirectory).loadOrCreate(TOKEN_KEY_FILE, 32);
        try {
            tokenHasher = new TokenHasher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Hashes tokens and codes; available once start-up has run. */
    public TokenHasher tokenHasher() {
        TokenHasher h = tokenHasher;
        if (h == null) {
            throw new IllegalStateException("The appliance has not finished starting");
        }
        return h;
    }
}
