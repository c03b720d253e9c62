package io.headroom.server.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void readsBearerTokensOnly() {
        assertEquals("abc", BearerToken.from("Bearer abc"));
        assertEquals("abc", BearerToken.from("bearer  abc "));
        assertNull(BearerToken.from(null));
        assertNull(BearerToken.from("Bearer "));
        assertNull(BearerToken.from("Basic YWxhZGRpbjpvcGVu"));
        assertNull(BearerToken.from("Bearerabc"));
    }
}
