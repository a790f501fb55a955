package com.closureconsole.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Tomcat's view of a request that came through a trusted proxy: the client's address from
 * {@code X-Forwarded-For} and, from {@code X-Forwarded-Proto}, whether it came over HTTPS.
 *
 * <p>This is done in Tomcat rather than in a servlet filter because Tomcat itself sets the
 * session cookie, and marks it Secure only when its own request is secure. Tomcat's
 * {@code RemoteIpValve} would do the same but matches proxies with regular expressions only;
 * this valve matches IP addresses and CIDR ranges ({@link TrustedProxies}). Everything it changes
 * is put back once the request is served, as the connector reuses its request objects.
 */
class TrustedProxyValve extends ValveBase {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final TrustedProxies proxies;

    TrustedProxyValve(TrustedProxies proxies) {
        super(true);
        this.proxies = proxies;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String peer = request.getRemoteAddr();
        if (!proxies.trusts(peer)) {
            getNext().invoke(request, response);
            return;
        }
        String remoteHost = request.getRemoteHost();
        String scheme = request.getScheme();
        boolean secure = request.isSecure();
        int serverPort = request.getServerPort();
        String client = proxies.clientAddress(peer, request.getHeader(FORWARDED_FOR));
        String proto = request.getHeader(FORWARDED_PROTO);
        try {
            request.setRemoteAddr(client);
            request.setRemoteHost(client);
            if (proxies.namesProtocol(peer, proto)) {
                boolean https = proxies.saysSecure(peer, proto);
                request.setSecure(https);
                request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
                request.setServerPort(https ? 443 : 80);
            }
            getNext().invoke(request, response);
        } finally {
            request.setRemoteAddr(peer);
            request.setRemoteHost(remoteHost);
            request.setSecure(secure);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.setServerPort(serverPort);
        }
    }
}
