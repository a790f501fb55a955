package com.closureconsole.security;

import java.time.Clock;
import java.time.Duration;

import java.util.List;
import java.util.Map;

import com.closureconsole.database.DemoMode;
import com.closureconsole.security.SignInFailures.AuthenticationFailureLockedOutEvent;
import com.closureconsole.security.SignInFailures.AuthenticationFailurePasswordSignInOffEvent;
import com.closureconsole.security.SignInFailures.AuthenticationFailureThrottledEvent;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Sign-in through {@link LoginView}: with the company's OpenID Connect provider when one is
 * configured under {@code spring.security.oauth2.client.*} (signing out then also ends the
 * provider's session where it supports that), and with a console password where
 * {@link PasswordSignIn} allows it. Every route is denied unless its view says who may open
 * it (Vaadin's own access checker reads those annotations; method security, which checks the
 * services' roles, is left to {@code @PreAuthorize} so that it does not wrap every view in a proxy
 * of its own). Sessions end after an absolute lifetime besides
 * the idle timeout; responses carry a Content-Security-Policy that Vaadin works with, and HSTS
 * when served over HTTPS. On the management port only health, info and the Prometheus scrape
 * are open, to anyone who can reach that port.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
@EnableConfigurationProperties(OidcSettings.class)
class SecurityConfiguration {

    /** Where a provider sends the browser back after ending its own session (registered with the provider). */
    static final String POST_LOGOUT_REDIRECT = "{baseUrl}/login";

    /**
     * What Vaadin 24 needs and no more: its bootstrap runs inline scripts and {@code executeJs}
     * evaluates code; its components set inline styles and use data: and blob: images and fonts;
     * the client talks only to the server it came from. No framing, no foreign form targets.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    /**
     * Sign-ins are observed (timed, and traced where tracing is set up); the authorization of each
     * service call is not. Method security checks every search, account view and condition check,
     * and an observation per check cost about 7 % of an agent's CPU under load (the load benchmark's
     * profile) for a timer nobody reads: a refused call already answers with its own message and,
     * where it matters, an audit entry.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveAuthorizations(false).build();
    }

    /**
     * Everything served on the management port (and the actuator endpoints, should they share
     * the staff port): health, info and the Prometheus scrape are open, anything else is refused.
     */
    @Bean
    @Order(1)
    SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
        RequestMatcher managementPort = request -> WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
        return http.securityMatcher(new OrRequestMatcher(managementPort, EndpointRequest.toAnyEndpoint()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class,
                                PrometheusScrapeEndpoint.class)).permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Clock clock,
                                            @Value("${closure.security.absolute-session-lifetime:12h}") Duration sessionLifetime,
                                            @Value("${closure.security.hsts-max-age:365d}") Duration hstsMaxAge,
                                            ObjectProvider<ClientRegistrationRepository> registrations,
                                            StaffOidcUserService staffFromProvider)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/icons/**", "/images/**").permitAll()
                // The console's own error page (ConsoleErrorController), for anyone who meets an error.
                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll());
        http.addFilterBefore(new SessionLifetimeFilter(clock, sessionLifetime), SecurityContextHolderFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(hstsMaxAge.toSeconds()).includeSubDomains(true))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        ClientRegistrationRepository provider = registrations.getIfAvailable();
        if (provider != null) {
            http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?error").permitAll()
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffFromProvider)));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class);
            if (provider != null) {
                vaadin.logoutSuccessHandler(providerLogout(provider));
            }
        }).build();
    }

    /**
     * RP-initiated logout: after the console's session ends, the browser goes to the provider's
     * end-session endpoint (where it has one) and comes back to the sign-in page; a user who
     * signed in with a password goes straight to the sign-in page.
     */
    private static OidcClientInitiatedLogoutSuccessHandler providerLogout(ClientRegistrationRepository provider) {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(provider);
        logout.setPostLogoutRedirectUri(POST_LOGOUT_REDIRECT);
        logout.setDefaultTargetUrl("/login");
        // Sign-out is a click in the running UI: the browser is sent on by the UI, not by a 302.
        logout.setRedirectStrategy(new UidlRedirectStrategy());
        return logout;
    }

    @Bean
    PasswordSignIn passwordSignIn(DemoMode demo, ObjectProvider<ClientRegistrationRepository> registrations,
                                  Environment environment) {
        Binder binder = Binder.get(environment);
        return PasswordSignIn.decide(demo.enabled(), registrations.getIfAvailable() != null,
                binder.bind("closure.security.password-sign-in.enabled", Boolean.class).orElse(null),
                binder.bind("closure.security.password-sign-in.break-glass-users", Bindable.listOf(String.class))
                        .orElse(List.of()));
    }

    @Bean
    SignInOptions signInOptions(ObjectProvider<ClientRegistrationRepository> registrations, OidcSettings settings,
                                PasswordSignIn passwords) {
        ClientRegistrationRepository provider = registrations.getIfAvailable();
        ClientRegistration registration = provider == null ? null : SignInOptions.registration(provider, settings);
        return SignInOptions.of(registration, settings, passwords);
    }

    /** Spring Security's failure events, plus the console's own failures, each by its own reason. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(
                SignInFailures.ThrottledException.class, AuthenticationFailureThrottledEvent.class,
                SignInFailures.LockedOutException.class, AuthenticationFailureLockedOutEvent.class,
                SignInFailures.PasswordSignInOffException.class, AuthenticationFailurePasswordSignInOffEvent.class));
        return publisher;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
