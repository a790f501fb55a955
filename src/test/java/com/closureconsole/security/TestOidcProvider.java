package com.closureconsole.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in an application
 * context of its own on a random port of {@code localhost} (the console under test runs on
 * {@code 127.0.0.1}, so each keeps its own cookies in one browser). Its users, their groups and
 * the authentication methods ({@code amr}) it reports for them are the test's to choose and
 * change; everybody's password is {@value #PASSWORD}.
 */
final class TestOidcProvider implements AutoCloseable {

    static final String PASSWORD = "provider-pw";
    static final String CLIENT_ID = "closure-console";
    static final String CLIENT_SECRET = "console-secret";

    /** One of the provider's users, as its ID token describes them. */
    record Person(String username, String fullName, List<String> groups, List<String> amr) {
    }

    /** The provider's users by user name; a change applies to the next token it issues. */
    record People(Map<String, Person> byName) {
    }

    final People people = new People(new ConcurrentHashMap<>());
    private final ConfigurableApplicationContext context;

    private TestOidcProvider(List<Person> persons) {
        persons.forEach(person -> people.byName().put(person.username(), person));
        context = new SpringApplicationBuilder(Provider.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("people", people))
                // Its own settings only: none of the console's application.properties.
                .properties(Map.of("spring.config.name", "test-oidc-provider", "server.port", "0",
                        "spring.main.banner-mode", "off"))
                .properties(client("client-id", CLIENT_ID), client("client-secret", "{noop}" + CLIENT_SECRET),
                        client("client-authentication-methods", "client_secret_basic"),
                        client("authorization-grant-types", "authorization_code,refresh_token"),
                        client("scopes", "openid,profile"),
                        // The console's own addresses are known only once it runs: allowConsoleAt.
                        client("redirect-uris", "http://127.0.0.1/unknown-yet"),
                        "spring.security.oauth2.authorizationserver.client.console.require-authorization-consent=false")
                .run();
    }

    static TestOidcProvider start(Person... persons) {
        return new TestOidcProvider(List.of(persons));
    }

    private static String client(String name, String value) {
        return "spring.security.oauth2.authorizationserver.client.console.registration." + name + "=" + value;
    }

    /** The issuer URI the console is configured with. */
    String issuer() {
        return "http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Registers the console at {@code base} (e.g. {@code http://127.0.0.1:41234}) as the client's redirect and post-logout target. */
    void allowConsoleAt(String base, String registrationId) {
        RegisteredClientRepository clients = context.getBean(RegisteredClientRepository.class);
        RegisteredClient client = clients.findByClientId(CLIENT_ID);
        clients.save(RegisteredClient.from(client)
                .redirectUris(uris -> {
                    uris.clear();
                    uris.add(base + "/login/oauth2/code/" + registrationId);
                })
                .postLogoutRedirectUris(uris -> uris.add(base + "/login"))
                .build());
    }

    @Override
    public void close() {
        context.close();
    }

    /** The provider's application: not a {@code @Configuration}, so that no component scan of the console finds it. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Provider {

        /**
         * Whatever strategy holds the signed-in user JVM-wide at the moment of each call: a console
         * started after the provider installs Vaadin's, and the provider's filters (which take the
         * strategy once) must keep seeing the same one as its code that asks for it each time.
         */
        @Bean
        SecurityContextHolderStrategy currentSecurityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public java.util.function.Supplier<SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(java.util.function.Supplier<SecurityContext> deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        UserDetailsService users(People people) {
            return username -> {
                Person person = people.byName().get(username);
                if (person == null) {
                    throw new UsernameNotFoundException("no such user at the provider");
                }
                return User.withUsername(person.username()).password("{noop}" + PASSWORD).roles("USER").build();
            };
        }

        /** The ID token says who the user is, which groups they are in, and how they signed in. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsAndAuthenticationMethods(People people) {
            return token -> {
                if (!OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
                    return;
                }
                Person person = people.byName().get(token.getPrincipal().getName());
                if (person != null) {
                    token.getClaims().claim("preferred_username", person.username())
                            .claim("name", person.fullName())
                            .claim("groups", person.groups())
                            .claim("amr", person.amr());
                }
            };
        }
    }
}
