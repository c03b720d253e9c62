package io.headroom.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The strace reader must catch every kind of escape, or the zero-egress test proves nothing. */
class EgressTraceTest {

    @Test
    void loopbackTrafficIsFine() {
        List<String> trace = List.of(
                "101 connect(12, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "101 connect(12, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
                "101 connect(12, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::ffff:127.0.0.1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
                "101 connect(4, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such file or directory)",
                "101 sendto(5, [{nlmsg_len=20, nlmsg_type=RTM_GETLINK}], 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20",
                "101 bind(11, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
        assertEquals(List.of(), EgressTrace.violations(trace));
        assertTrue(EgressTrace.boundTo(trace, 8080));
        assertFalse(EgressTrace.boundTo(trace, 8081));
    }

    @Test
    void anyOutsideAddressDnsOrNameServiceIsCaught() {
        List<String> trace = List.of(
                "7 connect(9, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"93.184.216.34\")}, 16) = -1 ENETUNREACH (Network is unreachable)",
                "7 sendto(9, \"abc\", 3, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 3",
                "7 connect(9, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:db8::1\", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH",
                "7 sendmsg(9, {msg_name={sa_family=AF_INET, sin_port=htons(54327), sin_addr=inet_addr(\"224.2.2.3\")}, msg_namelen=16}, 0) = -1",
                "7 connect(4, {sa_family=AF_UNIX, sun_path=\"/run/systemd/resolve/io.systemd.Resolve\"}, 42) = 0",
                "7 connect(9, {sa_family=AF_INET, sin_port=htons(80), sin_addr=something_new}, 16) = 0");
        assertEquals(trace, EgressTrace.violations(trace));
    }
}
