package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.5, 10.1.0.0/16 ,fd00::/8,, 192.0.2.128/25");

    @Test
    void trusts_the_listed_addresses_and_ranges_only() {
        assertThat(proxies.trusts("10.0.0.5")).isTrue();
        assertThat(proxies.trusts("10.0.0.6")).isFalse();
        assertThat(proxies.trusts("10.1.255.1")).isTrue();
        assertThat(proxies.trusts("10.2.0.1")).isFalse();
        assertThat(proxies.trusts("192.0.2.200")).isTrue();
        assertThat(proxies.trusts("192.0.2.127")).isFalse();
        assertThat(proxies.trusts("fd12:3456::1")).isTrue();
        assertThat(proxies.trusts("2001:db8::1")).isFalse();
    }

    @Test
    void nothing_is_trusted_by_default_not_even_private_addresses() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.trusts("10.0.0.5")).isFalse();
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.clientAddress("10.0.0.5", "203.0.113.9")).isEqualTo("10.0.0.5");
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
    }

    @Test
    void the_client_is_the_right_most_forwarded_address_that_is_not_a_trusted_proxy() {
        assertThat(proxies.clientAddress("10.0.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", "198.51.100.1, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", "203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", "2001:db8::7,fd00::1")).isEqualTo("2001:db8::7");
    }

    @Test
    void forwarded_headers_from_anyone_else_change_nothing() {
        assertThat(proxies.clientAddress("203.0.113.50", "198.51.100.1")).isEqualTo("203.0.113.50");
        assertThat(proxies.saysSecure("203.0.113.50", "https")).isFalse();
        assertThat(proxies.namesProtocol("203.0.113.50", "https")).isFalse();
    }

    @Test
    void without_a_usable_forwarded_address_the_nearest_known_hop_is_kept() {
        assertThat(proxies.clientAddress("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", " ")).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", "unknown")).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", "evil.example, 10.1.0.9")).isEqualTo("10.1.0.9");
        assertThat(proxies.clientAddress("10.0.0.5", "10.1.0.8, 10.1.0.9")).isEqualTo("10.1.0.8");
    }

    @Test
    void the_nearest_proxys_protocol_decides_whether_the_request_is_secure() {
        assertThat(proxies.saysSecure("10.0.0.5", "https")).isTrue();
        assertThat(proxies.saysSecure("10.0.0.5", "HTTPS")).isTrue();
        assertThat(proxies.saysSecure("10.0.0.5", "http")).isFalse();
        assertThat(proxies.saysSecure("10.0.0.5", "http, https")).isTrue();
        assertThat(proxies.namesProtocol("10.0.0.5", "http")).isTrue();
        assertThat(proxies.namesProtocol("10.0.0.5", null)).isFalse();
    }

    @Test
    void host_names_are_never_looked_up() {
        assertThat(TrustedProxies.isIpAddress("localhost")).isFalse();
        assertThat(TrustedProxies.isIpAddress("proxy.example")).isFalse();
        assertThat(TrustedProxies.isIpAddress("256.1.1.1")).isFalse();
        assertThat(TrustedProxies.isIpAddress("1.2.3")).isFalse();
        assertThat(TrustedProxies.isIpAddress("::1")).isTrue();
        assertThat(TrustedProxies.isIpAddress("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(TrustedProxies.isIpAddress("1:2:3")).isFalse();
        assertThat(proxies.trusts("proxy.example")).isFalse();
    }

    @Test
    void a_wrong_entry_stops_the_start_naming_it() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5, lb.example")).hasMessageContaining("'lb.example'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8/8")).hasMessageContaining("10.0.0.0/8/8");
        assertThatThrownBy(() -> TrustedProxies.parse("fd00::/129")).hasMessageContaining("fd00::/129");
        assertThat(TrustedProxies.parse("fd00::/128").trusts("fd00::")).isTrue();
    }
}
