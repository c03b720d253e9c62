package io.headroom.guard;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose word on the client's address is taken ({@code headroom.http.trusted-proxies}:
 * addresses or CIDR ranges, comma-separated; none by default). Only for a connection from one of
 * them are {@code Forwarded} (RFC 7239) or, without it, {@code X-Forwarded-For} read, from the
 * right: the first address that is not itself a trusted proxy is the client. Anyone can send those
 * headers, so from any other peer they are ignored. Names are never looked up.
 */
public final class TrustedProxies {

    /** One address or range. */
    private record Range(byte[] network, int bits) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for=(\"[^\"]*\"|[^;,\\s]*)");

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses {@code 10.0.0.0/8, 192.168.1.5, fd00::/8}; blank means none.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies parse(String text) {
        List<Range> ranges = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split(",")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                String[] parts = e.split("/", 2);
                InetAddress a = IpLiteral.parse(parts[0])
                        .orElseThrow(() -> new IllegalArgumentException("'" + e + "' is not an IP address or CIDR range"));
                int max = a.getAddress().length * 8;
                int bits;
                try {
                    bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("'" + e + "' has no valid prefix length");
                }
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException("'" + e + "' has a prefix length outside 0–" + max);
                }
                ranges.add(new Range(a.getAddress(), bits));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        return IpLiteral.parse(address).map(a -> ranges.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }

    /**
     * The client's address for a connection from {@code peer} that carried these headers (either
     * may be null).
     */
    public String clientOf(String peer, String forwarded, String xForwardedFor) {
        if (ranges.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded) : split(xForwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(stripPort(chain.get(i)));
            if (hop.isEmpty()) {
                // An obfuscated or garbled hop: what lies left of it cannot be trusted either.
                return peer;
            }
            String address = hop.get().getHostAddress();
            if (!trusts(address)) {
                return address;
            }
        }
        return peer;
    }

    private static List<String> split(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String s : header.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<String> forwardedFor(String header) {
        List<String> out = new ArrayList<>();
        Matcher m = FORWARDED_FOR.matcher(header);
        while (m.find()) {
            String v = m.group(1);
            out.add(v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v);
        }
        return out;
    }

    /** {@code 1.2.3.4:5678} → {@code 1.2.3.4}; {@code [2001:db8::1]:443} → {@code 2001:db8::1}. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
