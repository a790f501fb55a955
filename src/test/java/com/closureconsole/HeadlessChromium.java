package com.closureconsole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, with a profile of its own (so its cookies are its own), for the browser tests and the
 * load benchmark. The profiles (tens of megabytes each once a page has been loaded) are removed when the JVM ends.
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String MISSING =
            "Skipped: Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";

    private static final Set<Path> PROFILES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(HeadlessChromium::removeProfiles, "chromium-profiles"));
    }

    private HeadlessChromium() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** The options every browser here starts with, in a 1280×800 window; a caller may add to them. */
    public static ChromeOptions options() throws IOException {
        return options(1280, 800);
    }

    public static ChromeOptions options(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        PROFILES.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=en-US",
                "--user-data-dir=" + profile);
        return options;
    }

    public static WebDriver start() throws IOException {
        return start(options());
    }

    public static WebDriver start(ChromeOptions options) {
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
    }

    private static void removeProfiles() {
        for (Path profile : PROFILES) {
            try {
                FileSystemUtils.deleteRecursively(profile);
            } catch (IOException e) {
                // Logging may already have stopped; the run's own output is where this is seen.
                System.err.println("Could not remove the browser profile " + profile + ": " + e);
            }
        }
    }
}
