package com.closureconsole.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the proxies listed in
 * {@code closure.http.trusted-proxies}, on the port staff use (not on the management port).
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxyConfiguration.class);

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxyValve(
            @Value("${closure.http.trusted-proxies:}") String trustedProxies) {
        TrustedProxies proxies = TrustedProxies.parse(trustedProxies);
        return factory -> {
            if (proxies.isEmpty()) {
                log.info("No trusted proxies: X-Forwarded-For and X-Forwarded-Proto are ignored");
            } else {
                log.info("Trusted proxies (X-Forwarded-For, X-Forwarded-Proto): {}", proxies);
                factory.addEngineValves(new TrustedProxyValve(proxies));
            }
        };
    }
}
