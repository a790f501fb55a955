package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.FormSignIn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console behind a load balancer, over real HTTP. The test context trusts 127.0.0.1 as a
 * proxy; a request over ::1 is a client that connects directly.
 */
@ConsoleTest
class BehindLoadBalancerTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private URI viaProxy() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private URI direct() {
        try (Socket probe = new Socket(InetAddress.getByName("::1"), port)) {
            return URI.create("http://[::1]:" + port);
        } catch (Exception e) {
            Assumptions.abort("Skipped: no IPv6 loopback to connect from as an untrusted client (" + e + ")");
            return null;
        }
    }

    private String recordedAddressOfFailedSignIn(URI base, String... headers) throws Exception {
        String typed = "nobody_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(FormSignIn.signIn(base, typed, "wrong", headers)).isEqualTo("/login?error");
        return jdbc.queryForObject("SELECT client_address FROM audit_entry WHERE action = 'SIGN_IN_FAILED' AND actor = ?",
                String.class, typed);
    }

    @Test
    void x_forwarded_for_from_a_client_that_is_not_a_trusted_proxy_is_ignored() throws Exception {
        URI direct = direct();
        assertThat(recordedAddressOfFailedSignIn(direct, "X-Forwarded-For", "203.0.113.9"))
                .isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void from_a_trusted_proxy_the_right_most_address_that_is_not_a_trusted_proxy_is_recorded() throws Exception {
        assertThat(recordedAddressOfFailedSignIn(viaProxy())).isEqualTo("127.0.0.1");
        // What the client wrote itself (the left-most entry) is not believed.
        assertThat(recordedAddressOfFailedSignIn(viaProxy(), "X-Forwarded-For", "203.0.113.9, 198.51.100.7"))
                .isEqualTo("198.51.100.7");
        assertThat(recordedAddressOfFailedSignIn(viaProxy(), "X-Forwarded-For", "198.51.100.7, 127.0.0.1"))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void a_successful_sign_in_through_the_proxy_records_the_client() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        assertThat(FormSignIn.signIn(viaProxy(), "agent2", "demo123", "X-Forwarded-For", "198.51.100.23")).isEqualTo("/");
        assertThat(jdbc.queryForObject("SELECT client_address FROM audit_entry WHERE action = 'SIGN_IN' AND actor = 'agent2' AND id > ?",
                String.class, before)).isEqualTo("198.51.100.23");
    }
}
