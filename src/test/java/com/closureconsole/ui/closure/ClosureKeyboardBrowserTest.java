package com.closureconsole.ui.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.closureconsole.HeadlessChromium;
import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole closure flow by keyboard alone, in a real browser (Debian's headless Chromium): from
 * the search field to the result, with only Tab, Enter, Space, arrows and typing, and at every
 * step the focus on the step's first field and visibly marked. Skipped, saying why, where
 * Chromium or its driver is not installed.
 */
@ConsoleTest
class ClosureKeyboardBrowserTest {

    /**
     * The component that has the keyboard's focus (the Vaadin element around the focused input),
     * its id, and whether it shows a focus mark: an outline or a box shadow on it.
     */
    private static final String FOCUSED = """
            let e = document.activeElement;
            while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
            const host = e && e.closest('vaadin-button, vaadin-checkbox, vaadin-select, vaadin-text-area, vaadin-text-field, vaadin-password-field');
            if (!host) { return {id: e ? e.tagName : 'none', visible: false}; }
            const style = getComputedStyle(host);
            const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            return {id: host.id, visible: outlined || style.boxShadow !== 'none'};
            """;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;

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

    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> focused() {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(FOCUSED);
    }

    /** Waits until the component {@code id} has the keyboard's focus, and checks that the focus shows. */
    private void awaitVisibleFocusOn(String id) {
        awaitFocusOn(id);
        assertThat(focused()).as("focus on %s is visible", id).containsEntry("visible", true);
    }

    private void awaitFocusOn(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "the focus is on " + focused() + ", not on " + id)
                .until(driver -> id.equals(focused().get("id")));
    }

    /** Waits until the dialog's step indicator marks {@code label} as the current step. */
    private void awaitStep(String label) {
        wait.until(driver -> label.equals(((JavascriptExecutor) driver).executeScript(
                "const current = document.querySelector('.flow-steps span.current'); return current && current.textContent")));
    }

    /** Tab until {@code id} has the focus (at most {@code limit} presses). */
    private void tabTo(String id, int limit) {
        for (int i = 0; i < limit && !id.equals(focused().get("id")); i++) {
            press(Keys.TAB);
        }
        awaitVisibleFocusOn(id);
    }

    @Test
    void an_agent_closes_an_account_with_the_keyboard_alone_and_always_sees_where_the_focus_is() {
        String id = accounts.closable();
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
        // The sign-in form starts on the user name: type, Tab to the password, type, Enter.
        for (int i = 0; i < 10 && !"vaadinLoginUsername".equals(focused().get("id")); i++) {
            press(Keys.TAB);
        }
        awaitFocusOn("vaadinLoginUsername");
        press("agent1", Keys.TAB, "demo123", Keys.ENTER);

        // The search field has the cursor: the account id and Enter open the account.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        awaitFocusOn("account-search");
        press(id, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Can be closed."));
        tabTo("start-closure", 40);
        press(Keys.ENTER);

        // 1. Verify identity: the box has the focus; Space ticks it, Enter goes on.
        awaitVisibleFocusOn("flow-verified");
        press(Keys.SPACE);
        wait.until(driver -> driver.findElement(By.id("flow-verified")).getAttribute("checked") != null);
        press(Keys.ENTER);

        // 2. Check: nothing blocks, and the way forward has the focus.
        awaitStep("2. Check");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('.flow-step-check .verdict').textContent")).isEqualTo("Can be closed.");
        awaitVisibleFocusOn("flow-next");
        press(Keys.ENTER);

        // 3. What is given up: the customer's acceptance has the focus.
        awaitStep("3. What is given up");
        awaitVisibleFocusOn("flow-customer-confirms");
        press(Keys.SPACE);
        wait.until(driver -> driver.findElement(By.id("flow-customer-confirms")).getAttribute("checked") != null);
        press(Keys.ENTER);

        // 4. Reason and confirm: the reason has the focus; the arrow opens its list, Enter picks, typing fills the details.
        awaitStep("4. Reason and confirm");
        awaitVisibleFocusOn("flow-reason");
        press(Keys.ARROW_DOWN);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-select-item[focused]")));
        press(Keys.ENTER);
        wait.until(driver -> !String.valueOf(((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('flow-reason').value")).isBlank());
        awaitVisibleFocusOn("flow-reason");
        press(Keys.TAB);
        awaitVisibleFocusOn("flow-reason-text");
        press("moving abroad");
        tabTo("flow-confirm", 5);
        press(Keys.ENTER);

        // 5. Result: closed, and the way out has the focus.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flow-result"), "Account " + id + " is closed."));
        awaitVisibleFocusOn("flow-cancel");
        assertThat(jdbc.queryForObject("""
                SELECT state || '/' || initiated_by || '/' || reason_text FROM closure_request WHERE account_id = ?""",
                String.class, id)).isEqualTo("COMPLETED/agent1/moving abroad");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("start-closure-dialog")));
    }
}
