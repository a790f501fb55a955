package com.closureconsole.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The proxies (load balancers) whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the
 * console believes: IP addresses or CIDR ranges, IPv4 or IPv6, from
 * {@code closure.http.trusted-proxies}. None by default, so a client that sends these headers
 * itself changes nothing.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]{1,44}");

    private final List<IpAddressMatcher> proxies;
    private final String listed;

    private TrustedProxies(List<IpAddressMatcher> proxies, String listed) {
        this.proxies = proxies;
        this.listed = listed;
    }

    /**
     * Reads a comma-separated list such as {@code 10.0.0.5, 10.1.0.0/16, fd00::/8}; fails, naming
     * the entry, on anything that is not an address or a range.
     */
    static TrustedProxies parse(String list) {
        List<String> entries = list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        for (String entry : entries) {
            String[] parts = entry.split("/", -1);
            boolean valid = parts.length <= 2 && isIpAddress(parts[0])
                    && (parts.length == 1 || parts[1].matches("\\d{1,3}")
                        && Integer.parseInt(parts[1]) <= (parts[0].contains(":") ? 128 : 32));
            if (!valid) {
                throw new IllegalArgumentException("closure.http.trusted-proxies: '" + entry
                        + "' is not an IP address or a CIDR range such as 10.0.0.0/8");
            }
        }
        return new TrustedProxies(entries.stream().map(IpAddressMatcher::new).toList(), String.join(", ", entries));
    }

    boolean isEmpty() {
        return proxies.isEmpty();
    }

    /** Whether {@code address} (a textual IP address) is one of the trusted proxies. */
    boolean trusts(String address) {
        if (address == null || !isIpAddress(address)) {
            return false;
        }
        return proxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /**
     * The client's address: the peer's, unless the peer is a trusted proxy; then the right-most
     * address in {@code X-Forwarded-For} that is not itself a trusted proxy (everything to its
     * left may have been written by the client). When what stands there is not an IP address, or
     * every hop is a trusted proxy, the nearest hop that can be told is kept.
     */
    String clientAddress(String peer, @Nullable String forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String client = peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isIpAddress(hop)) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** Whether the peer is trusted and says the client reached it over HTTPS. */
    boolean saysSecure(String peer, @Nullable String forwardedProto) {
        return forwardedProto != null && trusts(peer) && "https".equalsIgnoreCase(lastValue(forwardedProto));
    }

    /** Whether the peer is trusted and names a protocol at all (then it decides whether the request is secure). */
    boolean namesProtocol(String peer, @Nullable String forwardedProto) {
        return forwardedProto != null && !forwardedProto.isBlank() && trusts(peer);
    }

    /** A chain of proxies may each add a value; the nearest one's is the last. */
    private static String lastValue(String header) {
        String[] values = header.split(",");
        return values[values.length - 1].strip();
    }

    /** An IP address literal; never a host name, which would have to be looked up. */
    static boolean isIpAddress(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!IPV6.matcher(text).matches() || text.indexOf(':') < 0) {
            return false;
        }
        try {
            // A literal with a colon is parsed, never looked up.
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return listed.isEmpty() ? "(none)" : listed;
    }
}
