package com.closureconsole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, with a profile of its own (so its cookies are its own), for the browser tests and the load benchmark. */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String MISSING =
            "Skipped: Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";

    private HeadlessChromium() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** The options every browser here starts with; a caller may add to them. */
    public static ChromeOptions options() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        return options;
    }

    public static WebDriver start() throws IOException {
        return start(options());
    }

    public static WebDriver start(ChromeOptions options) {
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
    }
}
