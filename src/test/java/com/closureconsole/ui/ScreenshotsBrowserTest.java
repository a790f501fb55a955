package com.closureconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.closureconsole.ConsoleTest;
import com.closureconsole.HeadlessChromium;
import com.closureconsole.TestAccounts;
import com.closureconsole.ui.i18n.Translations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A screenshot of every view, in Simplified Chinese and in English, taken by a real browser
 * (Debian's headless Chromium) at 1280×800 on the demo data, each after the view has rendered and
 * shows what it should. The shots go to {@code target/screenshots}; with
 * {@code -Dscreenshots.docs=true} also to {@code docs/screenshots}, which the README shows.
 * A new view is one line in {@link #VIEWS}.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenshotsBrowserTest {

    static final Path TARGET = Path.of("target/screenshots");
    static final Path DOCS = Path.of("docs/screenshots");
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final String BLOCKED = "2088000000000014";
    static final String CLOSABLE = "2088000000000016";

    /** One view: its file name, and how to get there and see that it rendered. */
    record View(String name, Step open) {
    }

    @FunctionalInterface
    interface Step {
        void run(ScreenshotsBrowserTest page, String language) throws Exception;
    }

    /** Every view, in the order a supervisor meets them (signed in once per language). */
    static final List<View> VIEWS = List.of(
            new View("accounts-search", (p, l) -> p.search("敏", CLOSABLE)),
            new View("account-blocked", (p, l) -> p.open("accounts/" + BLOCKED, "verdict",
                    t(l, "eligibility.verdict.blocked", 4))),
            new View("account-closable", (p, l) -> p.open("accounts/" + CLOSABLE, "verdict",
                    t(l, "eligibility.verdict.closable"))),
            new View("closure-verify", (p, l) -> p.startClosure()),
            new View("closure-check", (p, l) -> p.next(2, "flow-next", "")),
            new View("closure-give-up", (p, l) -> p.next(3, "flow-taobao", "tb_")),
            new View("closure-confirm", (p, l) -> p.confirmStep()),
            new View("closure-result", (p, l) -> p.submit()),
            new View("closure-requests", (p, l) -> p.open("closures", "closure-requests-view", p.closed)),
            new View("approvals", (p, l) -> p.open("approvals", "approvals-view", t(l, "approvals.title"))),
            new View("audit", (p, l) -> p.auditGrid(l)),
            new View("audit-detail", (p, l) -> p.auditEntry()),
            new View("audit-verification", (p, l) -> p.verifyAndEvidence(l)),
            new View("dashboard", (p, l) -> p.open("dashboard", "dashboard-view", t(l, "dashboard.title"))),
            new View("error-page", (p, l) -> p.open("accounts/%27%3B--", "console-error-page", t(l, "error.page.back"))));

    static final Translations TRANSLATIONS = new Translations();

    /** What the console shows in a language, from its own translations. */
    static String t(String language, String key, Object... params) {
        return TRANSLATIONS.getTranslation(key, "zh_CN".equals(language) ? Translations.CHINESE : Translations.ENGLISH,
                params);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;

    ChromeDriver browser;
    WebDriverWait wait;
    /** The account this language's walk through the closure flow closes (a fresh one, with a Taobao account). */
    String closed;

    @BeforeAll
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        if (Boolean.getBoolean("screenshots.docs")) {
            assertThat(chineseFontInstalled()).as("the Chinese screenshots need a CJK font: apt-get install fonts-noto-cjk").isTrue();
        }
        ChromeOptions options = HeadlessChromium.options(WIDTH, HEIGHT);
        options.addArguments("--hide-scrollbars");
        browser = (ChromeDriver) HeadlessChromium.start(options);
        // The page itself is 1280×800, whatever the window's frame takes.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(TARGET);
    }

    private static boolean chineseFontInstalled() throws Exception {
        try {
            Process list = new ProcessBuilder("fc-list", ":lang=zh-cn", "family").redirectErrorStream(true).start();
            String fonts = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return list.waitFor() == 0 && !fonts.isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "every view in {0}")
    @ValueSource(strings = {"zh_CN", "en"})
    void every_view_is_photographed_after_it_rendered(String language) throws Exception {
        browser.manage().deleteAllCookies();
        // The browser asks for the language too, as a Chinese or an English agent's browser does (pages outside the views follow it).
        browser.get(url("login"));
        String agent = String.valueOf(browser.executeScript("return navigator.userAgent"));
        browser.executeCdpCommand("Network.setUserAgentOverride",
                Map.of("userAgent", agent, "acceptLanguage", "zh_CN".equals(language) ? "zh-CN,zh" : "en-US,en"));
        browser.get(url("login"));
        // Chosen with the sign-in page's language switch, as an agent does.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("language-switch"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-select-item[normalize-space(.)='" + t(language, "language." + language) + "']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-view"), t(language, "login.title")));
        shoot("sign-in", language);

        browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("supervisor1");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo123", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-view")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main-navigation"),
                t(language, "nav.accounts")));
        closed = accounts.create("郭晓明", "guo.xiaoming@example.com", "tb_guo" + System.nanoTime() % 100000, true);

        for (View view : VIEWS) {
            view.open().run(this, language);
            shoot(view.name(), language);
        }
        browser.get(url(""));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    void open(String path, String id, String expected) {
        browser.get(url(path));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    }

    void search(String typed, String expectedRow) {
        open("", "accounts-view", "");
        WebDriverWait w = wait;
        w.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input"))).sendKeys(typed, Keys.ENTER);
        w.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[text()='" + expectedRow + "']")));
    }

    void startClosure() {
        open("accounts/" + closed, "verdict", "");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start-closure"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flow-verified"))).click();
        wait.until(driver -> "true".equals(String.valueOf(
                ((JavascriptExecutor) driver).executeScript("return document.getElementById('flow-verified').checked"))));
    }

    /** Next, then the step indicator marks step {@code number} and {@code id} shows {@code expected}. */
    void next(int number, String id, String expected) {
        browser.findElement(By.id("flow-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".flow-steps span.current"), number + ". "));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    }

    void confirmStep() {
        browser.findElement(By.id("flow-customer-confirms")).click();
        next(4, "flow-summary", closed);
        if (String.valueOf(browser.executeScript("return document.getElementById('flow-reason').value")).isEmpty()) {
            browser.findElement(By.id("flow-reason")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-select-list-box vaadin-select-item")))
                    .click();
        }
        wait.until(driver -> !String.valueOf(((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('flow-reason').value")).isEmpty());
    }

    void submit() {
        browser.findElement(By.id("flow-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flow-result"), closed));
    }

    /** The trail of the blocked account, its checks in words. */
    void auditGrid(String language) {
        open("audit?account=" + BLOCKED, "audit-grid", "");
        String blocked = t(language, "audit.words.blocked", "");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[starts-with(text(), '" + blocked + "')]")));
    }

    void auditEntry() {
        open("audit?account=" + BLOCKED, "audit-grid", "");
        By row = By.xpath("//vaadin-grid-cell-content[text()='" + BLOCKED + "']");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-detail-account"), BLOCKED));
    }

    /** The integrity check's finding, then the evidence bundle of the closure just made (a check reloads the grid). */
    void verifyAndEvidence(String language) {
        open("audit?account=" + closed, "audit-grid", "");
        browser.findElement(By.id("audit-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-verify-result"),
                t(language, "audit.verify.intact").substring(0, 2)));
        // The submission's entry belongs to the closure, so the evidence bundle is offered for it.
        By row = By.xpath("//vaadin-grid-cell-content[text()='" + t(language, "action.CLOSURE_SUBMIT") + "']");
        WebElement submitted = wait.until(ExpectedConditions.presenceOfElementLocated(row));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", submitted);
        wait.until(ExpectedConditions.elementToBeClickable(submitted)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-detail-account"), closed));
        WebElement evidence = wait.until(ExpectedConditions.elementToBeClickable(By.id("audit-evidence")));
        // The button sits low in the side panel: scrolled to, then pressed where it is.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", evidence);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-evidence-status"),
                t(language, "audit.evidence.ready", 0).substring(0, 4)));
    }

    /** Waits for the server round trips to end and the page to settle, then takes the shot. */
    private void shoot(String view, String language) throws Exception {
        JavascriptExecutor page = browser;
        wait.until(driver -> Boolean.TRUE.equals(page.executeScript(
                "return !(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " || Object.values(window.Vaadin.Flow.clients).every(client => !client.isActive());")));
        Thread.sleep(400);
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).as(view).isEqualTo(WIDTH);
        assertThat(image.getHeight()).as(view).isEqualTo(HEIGHT);
        String file = view + "-" + language + ".png";
        Files.write(TARGET.resolve(file), png);
        if (Boolean.getBoolean("screenshots.docs")) {
            Files.createDirectories(DOCS);
            Files.write(DOCS.resolve(file), png);
        }
    }
}
