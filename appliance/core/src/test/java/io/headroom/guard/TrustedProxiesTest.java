package io.headroom.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClientWhateverItSends() {
        assertEquals("203.0.113.9", TrustedProxies.NONE.clientOf("203.0.113.9", "for=198.51.100.1", "198.51.100.1"));
        assertEquals("203.0.113.9", TrustedProxies.parse("  ").clientOf("203.0.113.9", null, "198.51.100.1"));
    }

    @Test
    void fromAnUntrustedPeerTheHeadersAreIgnored() {
        assertEquals("203.0.113.9", proxies.clientOf("203.0.113.9", null, "198.51.100.1"));
    }

    @Test
    void fromATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        // The client sent a forged X-Forwarded-For; nginx appended the address it saw.
        assertEquals("198.51.100.7", proxies.clientOf("127.0.0.1", null, "6.6.6.6, 198.51.100.7"));
        // Two proxies of ours in a row.
        assertEquals("198.51.100.7", proxies.clientOf("10.1.2.3", null, "198.51.100.7, 10.0.0.5"));
        assertEquals("2001:db8:0:0:0:0:0:7", proxies.clientOf("fd00::1", null, "2001:db8::7"));
    }

    @Test
    void forwardedIsReadBeforeXForwardedForWithPortsAndQuotes() {
        assertEquals("198.51.100.7", proxies.clientOf("127.0.0.1", "for=6.6.6.6, for=\"198.51.100.7:4711\";proto=https", "9.9.9.9"));
        assertEquals("2001:db8:0:0:0:0:0:7", proxies.clientOf("127.0.0.1", "For=\"[2001:db8::7]:443\"", null));
    }

    @Test
    void aGarbledOrHiddenHopLeavesTheProxyAsTheClientAndNothingIsLookedUp() {
        assertEquals("127.0.0.1", proxies.clientOf("127.0.0.1", "for=unknown", null));
        assertEquals("127.0.0.1", proxies.clientOf("127.0.0.1", null, "evil.example.com"));
        assertEquals("127.0.0.1", proxies.clientOf("127.0.0.1", null, "999.1.1.1"));
        assertEquals("127.0.0.1", proxies.clientOf("127.0.0.1", null, null), "all hops trusted or none given");
    }

    @Test
    void entriesAreAddressesOrRangesAndABadOneIsNamed() {
        assertTrue(proxies.trusts("10.200.0.1"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertFalse(proxies.trusts("localhost"), "names are not addresses");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/8, proxy.lan"));
        assertTrue(e.getMessage().contains("proxy.lan"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    }
}
