package io.headroom.guard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network a client address belongs to, as limits see it when there are too many addresses to
 * count one by one: its /24 for IPv4, its /64 for IPv6 (what one household, office or provider
 * customer usually holds).
 */
public final class NetworkPrefix {

    private NetworkPrefix() {
    }

    /** The prefix of an address literal, such as {@code 203.0.113.0/24}; anything else is its own prefix. */
    public static String of(String address) {
        InetAddress a = IpLiteral.parse(address).orElse(null);
        if (a == null) {
            return address;
        }
        byte[] b = a.getAddress();
        int keep = a instanceof Inet4Address ? 3 : 8;
        for (int i = keep; i < b.length; i++) {
            b[i] = 0;
        }
        try {
            return InetAddress.getByAddress(b).getHostAddress() + (a instanceof Inet4Address ? "/24" : "/64");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a byte array of a valid length always makes an address
        }
    }
}
