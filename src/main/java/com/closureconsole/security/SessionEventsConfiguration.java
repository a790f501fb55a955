package com.closureconsole.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Publishes the servlet container's session events as Spring events, so the end of a signed-in
 * session (sign-out, or expiry after the idle time-out) reaches the audit trail.
 */
@Configuration(proxyBeanMethods = false)
class SessionEventsConfiguration {

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
