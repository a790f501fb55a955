package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.closureconsole.HeadlessChromium;
import com.closureconsole.FormSignIn;
import com.closureconsole.database.ConsoleNode;
import com.closureconsole.database.ExternalPostgres;
import com.closureconsole.security.TestOidcProvider.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Staff sign in through a real OpenID Connect provider ({@link TestOidcProvider}) in a real
 * browser, on a console started as an operator runs it: outside demo mode on its own database,
 * configured with the provider, requiring a second factor of supervisors, with one break-glass
 * password user. Skipped, saying why, where Chromium or its driver is not installed.
 */
class ProviderSignInBrowserTest {

    static final String REGISTRATION = "corp";

    static ExternalPostgres database;
    static TestOidcProvider provider;
    static ConsoleNode console;
    static String base;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        database = ExternalPostgres.start(17);
        database.createDatabase("closure", "closure", "owner-pw", true);
        provider = TestOidcProvider.start(
                new Person("alice", "Alice Agent", List.of("console-agents"), List.of("pwd")),
                new Person("bob", "Bob Supervisor", List.of("console-agents", "console-supervisors"), List.of("pwd", "otp")),
                new Person("carol", "Carol Contractor", List.of("contractors"), List.of("pwd")),
                new Person("dave", "Dave Supervisor", List.of("console-supervisors"), List.of("pwd")),
                new Person("erin", "Erin Agent", List.of("console-agents"), List.of("pwd")));
        Map<String, Object> settings = ConsoleNode.readmeSettings(database, "closure", "closure", "owner-pw",
                "closure_app", "app-pw");
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        settings.put(registration + "client-id", TestOidcProvider.CLIENT_ID);
        settings.put(registration + "client-secret", TestOidcProvider.CLIENT_SECRET);
        settings.put(registration + "scope", "openid,profile");
        settings.put("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", provider.issuer());
        settings.put("closure.oidc.display-name", "Corp SSO");
        settings.put("closure.oidc.supervisor-requires-mfa", "true");
        settings.put("closure.security.password-sign-in.break-glass-users", "breakglass1");
        console = ConsoleNode.start(settings);
        base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) console.context).getWebServer().getPort();
        provider.allowConsoleAt(base, REGISTRATION);
    }

    @AfterAll
    static void stop() throws Exception {
        // In the reverse order of their start.
        if (console != null) {
            console.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** From the console's sign-in page through the provider's own sign-in form, and back. */
    private void signInAtProvider(String username) {
        browser.get(base + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("provider-sign-in"))).click();
        providerForm(username);
    }

    private void providerForm(String username) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String refusalMessage() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-refused-message")));
        assertThat(browser.getCurrentUrl()).startsWith(base + "/login");
        return browser.findElement(By.id("sign-in-refused-message")).getText();
    }

    private JdbcTemplate jdbc() {
        return console.jdbc();
    }

    private Map<String, Object> lastAudit(String actor) {
        return jdbc().queryForMap("""
                SELECT action, outcome, actor_role, details ->> 'reason' AS reason, details ->> 'method' AS method,
                       details ->> 'provider' AS provider, details ->> 'subject' AS subject, details -> 'amr' AS amr
                  FROM audit_entry WHERE actor = ? ORDER BY id DESC LIMIT 1""", actor);
    }

    @Test
    void an_agent_signs_in_by_their_group_and_the_first_sign_in_creates_their_staff_record() {
        signInAtProvider("alice");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo("Alice Agent");
        assertThat(browser.findElement(By.id("current-role")).getText()).isEqualTo("Agent");

        Map<String, Object> staff = jdbc().queryForMap(
                "SELECT role, display_name, password_hash, oidc_issuer, oidc_subject FROM staff_user WHERE username = 'alice'");
        assertThat(staff).containsEntry("role", "AGENT").containsEntry("display_name", "Alice Agent")
                .containsEntry("oidc_issuer", provider.issuer()).containsEntry("oidc_subject", "alice");
        assertThat(staff.get("password_hash")).isNull();
        assertThat(lastAudit("alice")).containsEntry("action", "SIGN_IN").containsEntry("actor_role", "AGENT")
                .containsEntry("method", "OIDC").containsEntry("provider", REGISTRATION).containsEntry("subject", "alice");
        assertThat(String.valueOf(lastAudit("alice").get("amr"))).contains("pwd");
    }

    @Test
    void a_supervisor_with_a_second_factor_signs_in_and_the_audit_keeps_how() {
        signInAtProvider("bob");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        assertThat(browser.findElement(By.id("current-role")).getText()).isEqualTo("Supervisor");
        assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item[path='audit']"))).isNotEmpty();
        assertThat(lastAudit("bob")).containsEntry("action", "SIGN_IN").containsEntry("actor_role", "SUPERVISOR");
        assertThat(String.valueOf(lastAudit("bob").get("amr"))).contains("otp");
    }

    @Test
    void someone_without_a_mapped_group_is_kept_out_with_a_page_that_says_why_and_it_is_audited() {
        signInAtProvider("carol");
        assertThat(refusalMessage()).contains("not in a group that gives access");
        assertThat(jdbc().queryForObject("SELECT count(*) FROM staff_user WHERE oidc_subject = 'carol'", Integer.class)).isZero();
        assertThat(lastAudit("carol")).containsEntry("action", "SIGN_IN_FAILED").containsEntry("reason", "NO_MAPPED_ROLE")
                .containsEntry("method", "OIDC").containsEntry("subject", "carol");
    }

    @Test
    void a_supervisor_without_a_second_factor_is_kept_out_when_supervisors_need_one() {
        signInAtProvider("dave");
        assertThat(refusalMessage()).contains("second factor");
        assertThat(lastAudit("dave")).containsEntry("reason", "SECOND_FACTOR_MISSING");
        assertThat(String.valueOf(lastAudit("dave").get("amr"))).contains("pwd");
    }

    @Test
    void a_role_changed_at_the_provider_applies_at_the_next_sign_in_and_a_member_disabled_in_the_console_stays_out() {
        signInAtProvider("erin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-sign-in")));

        provider.people.byName().put("erin", new Person("erin", "Erin Supervisor", List.of("console-supervisors"),
                List.of("pwd", "mfa")));
        signInAtProvider("erin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        assertThat(browser.findElement(By.id("current-role")).getText()).isEqualTo("Supervisor");
        assertThat(jdbc().queryForMap("SELECT role, display_name FROM staff_user WHERE oidc_subject = 'erin'"))
                .containsEntry("role", "SUPERVISOR").containsEntry("display_name", "Erin Supervisor");
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-sign-in")));

        jdbc().update("UPDATE staff_user SET enabled = false WHERE oidc_subject = 'erin'");
        signInAtProvider("erin");
        assertThat(refusalMessage()).contains("switched off");
        assertThat(lastAudit("erin")).containsEntry("reason", "DISABLED");
    }

    @Test
    void signing_out_ends_the_console_session_and_the_provider_session() {
        signInAtProvider("alice");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        browser.findElement(By.id("sign-out")).click();

        // Through the provider's end-session endpoint and back to the console's sign-in page.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-sign-in")));
        assertThat(browser.getCurrentUrl()).startsWith(base + "/login");
        browser.get(base + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-sign-in")));
        // The provider asks for the password again: its session ended too.
        browser.findElement(By.id("provider-sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuer() + "/login");
    }

    @Test
    void outside_a_demo_passwords_are_off_once_a_provider_is_configured_except_for_the_break_glass_user() throws Exception {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        for (String user : List.of("breakglass1", "localagent")) {
            jdbc().update("""
                    INSERT INTO staff_user (username, display_name, password_hash, role) VALUES (?, ?, ?, 'SUPERVISOR')
                    ON CONFLICT (username) DO NOTHING""", user, "Local " + user, encoder.encode("local-pw-1"));
        }
        URI console = URI.create(base);
        assertThat(FormSignIn.signIn(console, "localagent", "local-pw-1")).isEqualTo("/login?error");
        assertThat(lastAudit("localagent")).containsEntry("reason", "PASSWORD_SIGN_IN_OFF");
        assertThat(FormSignIn.signIn(console, "breakglass1", "local-pw-1")).isEqualTo("/");
        assertThat(lastAudit("breakglass1")).containsEntry("action", "SIGN_IN").containsEntry("method", "PASSWORD");

        // The sign-in page offers both: the provider first, the password form for the break-glass user.
        browser.get(base + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-sign-in")));
        assertThat(browser.findElement(By.id("provider-sign-in")).getText()).isEqualTo("Sign in with Corp SSO");
        assertThat(browser.findElements(By.tagName("vaadin-login-form"))).hasSize(1);
    }
}
