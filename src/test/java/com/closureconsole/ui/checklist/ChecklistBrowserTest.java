package com.closureconsole.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.closureconsole.HeadlessChromium;
import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In headless Chromium at 1280×800: an agent opens a blocked account, previews the customer's
 * checklist, sends it, and sees it listed as queued. Screenshots go to {@code target/screenshots}.
 * Skipped, saying why, where Chromium or its driver is not installed.
 */
@ConsoleTest
class ChecklistBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void screenshot(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void an_agent_previews_and_sends_the_checklist_in_the_browser() throws Exception {
        String id = accounts.create("浏览器客户", "qd.browser@example.com", null, null);
        accounts.setBalance(id, "12.50");
        jdbc.update("UPDATE wallet SET huabei_open = true WHERE account_id = ?", id);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
        browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("agent1");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo123", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));

        browser.get("http://localhost:" + port + "/accounts/" + id);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("preview-checklist")));
        screenshot("checklist-account-view");
        browser.findElement(By.id("preview-checklist")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checklist-body")));
        assertThat(browser.findElement(By.id("checklist-to")).getText()).isEqualTo("By Email to q***@example.com, in Simplified Chinese");
        assertThat(browser.findElement(By.id("checklist-body")).getText()).contains("账户余额：12.50 元").contains("花呗");
        screenshot("checklist-preview");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("checklist-send"))).click();

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("checklist-body")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checklist-availability"), "1 of 3"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_checklist WHERE account_id = ?", Integer.class, id))
                .isEqualTo(1);
        screenshot("checklist-sent");
    }
}
