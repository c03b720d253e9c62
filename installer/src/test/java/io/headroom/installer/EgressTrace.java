package io.headroom.installer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code strace -f -e trace=network} log and lists every attempt to reach anything but
 * loopback: a connect or datagram to a non-loopback IPv4/IPv6 address, anything to port 53, or a
 * successful connection to a local name-service socket (nscd, systemd-resolved), which could be a
 * DNS lookup by another route.
 */
final class EgressTrace {

    private static final Pattern CALL = Pattern.compile("\\b(connect|sendto|sendmsg|sendmmsg)\\(");
    private static final Pattern INET = Pattern.compile(
            "sa_family=AF_INET, sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([0-9.]+)\"\\)");
    private static final Pattern INET6 = Pattern.compile(
            "sa_family=AF_INET6, sin6_port=htons\\((\\d+)\\).*?inet_pton\\(AF_INET6, \"([0-9a-fA-F:.]+)\"");
    private static final Pattern UNIX = Pattern.compile("sa_family=AF_UNIX, sun_path=\"([^\"]*)\"");
    private static final Pattern BIND = Pattern.compile("\\bbind\\(.*htons\\((\\d+)\\)");

    private EgressTrace() {
    }

    /** The offending lines of the trace; empty when the process stayed on loopback. */
    static List<String> violations(List<String> trace) {
        List<String> bad = new ArrayList<>();
        for (String line : trace) {
            if (!CALL.matcher(line).find()) {
                continue;
            }
            Matcher m4 = INET.matcher(line);
            Matcher m6 = INET6.matcher(line);
            Matcher mu = UNIX.matcher(line);
            if (m4.find()) {
                if (m4.group(1).equals("53") || !m4.group(2).startsWith("127.")) {
                    bad.add(line);
                }
            } else if (m6.find()) {
                String addr = m6.group(2).toLowerCase(java.util.Locale.ROOT);
                boolean loopback = addr.equals("::1") || addr.startsWith("::ffff:127.");
                if (m6.group(1).equals("53") || !loopback) {
                    bad.add(line);
                }
            } else if (mu.find()) {
                // The JVM asks NSS for its user (passwd), which tries nscd first: a failed attempt is
                // harmless. A successful connection to a name service could be a DNS lookup done
                // by a daemon outside the namespace, so it counts.
                String path = mu.group(1);
                boolean nameService = path.contains("nscd") || path.contains("resolve") || path.contains("dbus");
                if (nameService && line.matches(".*\\) = 0$")) {
                    bad.add(line);
                }
            } else if (line.contains("sa_family=AF_INET")) {
                bad.add(line); // an address form this parser does not know: flag rather than miss it
            }
        }
        return bad;
    }

    /** Whether the trace shows a bind to {@code port}, proving the tracer saw the server. */
    static boolean boundTo(List<String> trace, int port) {
        return trace.stream().map(BIND::matcher).anyMatch(m -> m.find() && m.group(1).equals(Integer.toString(port)));
    }
}
