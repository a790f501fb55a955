package com.closureconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import com.closureconsole.ConsoleTest;
import com.closureconsole.HeadlessChromium;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * A real browser (Debian's headless Chromium) signs in through the running console's sign-in
 * page, under the console's Content-Security-Policy. Skipped, saying why, where Chromium or its
 * driver is not installed.
 */
@ConsoleTest
class SignInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext server;

    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        ChromeOptions options = HeadlessChromium.options();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        browser = HeadlessChromium.start(options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait signInAsAgent() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));

        browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("agent1");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo123", Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        return wait;
    }

    @Test
    void a_result_row_opens_from_the_keyboard_with_enter() {
        WebDriverWait wait = signInAsAgent();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input")))
                .sendKeys("Emily", Keys.ENTER);
        By cell = By.xpath("//vaadin-grid-cell-content[text()='2088000000000020']");
        wait.until(ExpectedConditions.presenceOfElementLocated(cell));
        // Tab from the search field past the search button into the grid: its header, then its first row.
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB).perform();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "const grid = document.getElementById('account-results');"
                        + " return grid.shadowRoot.activeElement && grid.shadowRoot.activeElement.getAttribute('part');"))
                .asString().contains("body-cell");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Can be closed."));
        assertThat(browser.getCurrentUrl()).endsWith("/accounts/2088000000000020");
    }

    /** What the browser's console reported as refused by the Content-Security-Policy. */
    private List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
    }

    @Test
    void the_console_works_under_its_content_security_policy_without_a_single_violation() {
        WebDriverWait wait = signInAsAgent();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input")))
                .sendKeys("Emily", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[text()='2088000000000020']")));
        assertThat(policyViolations()).isEmpty();

        // The check would see a violation: an image from another origin (another port of this machine) is refused and reported.
        ((JavascriptExecutor) browser).executeScript(
                "const img = document.createElement('img'); img.src = 'http://127.0.0.1:9/probe.png'; document.body.appendChild(img);");
        wait.until(driver -> !policyViolations().isEmpty());
    }

    @Test
    void a_session_past_its_absolute_lifetime_sends_the_agent_to_sign_in_and_says_why() throws Exception {
        WebDriverWait wait = signInAsAgent();
        Session session = sessions().findSession(browser.manage().getCookieNamed("JSESSIONID").getValue());
        session.setCreationTime(System.currentTimeMillis() - Duration.ofHours(13).toMillis());
        session.access();
        session.endAccess();

        // The next round trip (a search) finds the session ended: the page reloads onto the sign-in page.
        browser.findElement(By.cssSelector("#account-search input")).sendKeys("Emily", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/login"));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        wait.until(driver -> Boolean.TRUE.equals(page.executeScript(
                "const form = document.querySelector('vaadin-login-form'); return !!form && form.error === true;")));
        assertThat(page.executeScript("return document.querySelector('vaadin-login-form').i18n.errorMessage.title"))
                .isEqualTo("Session ended");
    }

    private Manager sessions() {
        TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
        return ((Context) tomcat.getTomcat().getHost().findChildren()[0]).getManager();
    }

    @Test
    void agent_signs_in_through_the_real_sign_in_page_and_sees_the_home_view() {
        signInAsAgent();
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo("Agent One");
        // The demo as agents meet it: no development-mode notice or tool over the views.
        assertThat(browser.findElements(By.tagName("vaadin-dev-tools"))).isEmpty();
        assertThat(browser.findElements(By.tagName("copilot-main"))).isEmpty();
    }

    @Test
    void agent_searches_by_phone_with_enter_and_reads_the_verdict_first() {
        WebDriverWait wait = signInAsAgent();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input")))
                .sendKeys("138-0013-8014", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(browser.getCurrentUrl()).endsWith("/accounts/2088000000000014");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Cannot be closed yet: 4 things to do."));
        assertThat(browser.findElement(By.id("start-closure")).getAttribute("disabled")).isNotNull();
    }

    @Test
    void a_name_search_fills_the_lazy_results_grid_and_a_row_opens_the_account() {
        WebDriverWait wait = signInAsAgent();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input")))
                .sendKeys("Emily", Keys.ENTER);
        By cell = By.xpath("//vaadin-grid-cell-content[text()='2088000000000020']");
        wait.until(ExpectedConditions.presenceOfElementLocated(cell));
        assertThat(browser.findElements(By.xpath("//vaadin-grid-cell-content[text()='E**** C***']"))).isNotEmpty();
        browser.findElement(cell).click();
        wait.until(ExpectedConditions.urlContains("/accounts/2088000000000020"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Can be closed."));
    }
}
