package com.closureconsole.perf;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.closureconsole.HeadlessChromium;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The real stack at once: N headless Chromium browsers (16 by default), each with a session of its
 * own, signed in through the sign-in page, looping without think time over what an agent does in
 * the console: a search by name (typed into the search field, Enter, until the result rows show)
 * and opening the first result (a click on its row, until the account's verdict shows), then back
 * to the search. For each action it reports the server's round-trip time, the time the console
 * spent on the action's Vaadin requests ({@code v-r=uidl}, timed by a servlet filter around them,
 * per session), and beside it what the browser waited in all (request, server, rendering and the
 * WebDriver's own round trips, on the same two cores).
 */
final class BrowserRoundTrips {

    /** Each session's Vaadin requests: start (System.nanoTime) and duration, in nanoseconds. */
    private static final Map<String, Queue<long[]>> UIDL = new ConcurrentHashMap<>();

    private BrowserRoundTrips() {
    }

    /** Registers the filter that times every Vaadin request per session (PerfConsole's customizer). */
    static void register(GenericApplicationContext context) {
        context.registerBean("uidlTimer", FilterRegistrationBean.class, () -> {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new UidlTimer());
            registration.addUrlPatterns("/*");
            return registration;
        });
    }

    /** Runs {@code sessions} browsers against the console on {@code port} for {@code length}; answers per-action figures. */
    static Map<String, Object> run(int port, Connection superuser, int sessions, Duration length) throws Exception {
        List<String> names = names(superuser);
        ExecutorService threads = Executors.newFixedThreadPool(sessions);
        Map<String, Latencies> server = new LinkedHashMap<>();
        Map<String, Latencies> browser = new LinkedHashMap<>();
        for (String action : List.of("search", "open")) {
            server.put(action, new Latencies());
            browser.put(action, new Latencies());
        }
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch signedIn = new CountDownLatch(sessions);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            int session = s;
            futures.add(threads.submit(() -> {
                WebDriver driver = null;
                try {
                    String id;
                    WebDriverWait wait;
                    try {
                        driver = HeadlessChromium.start();
                        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
                        signIn(driver, wait, port);
                        id = driver.manage().getCookieNamed("JSESSIONID").getValue();
                    } catch (RuntimeException e) {
                        // A session that cannot start or sign in counts as an error and takes no part.
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, "signing in: " + e.getClass().getSimpleName() + ": "
                                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                        return null;
                    } finally {
                        signedIn.countDown();
                    }
                    go.await();
                    int n = session;
                    boolean first = true;
                    while (System.nanoTime() < window[1]) {
                        String name = names.get(n++ % names.size());
                        try {
                            long t0 = System.nanoTime();
                            WebElement field = driver.findElement(By.cssSelector("#account-search input"));
                            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
                            WebElement row = wait.until(ExpectedConditions.elementToBeClickable(
                                    By.xpath("//vaadin-grid-cell-content[starts-with(text(), '2088')]")));
                            long t1 = System.nanoTime();
                            row.click();
                            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
                            wait.until(d -> !d.findElement(By.id("verdict")).getText().isBlank());
                            long t2 = System.nanoTime();
                            // Each browser's first loop warms it up (and the console's caches for it).
                            if (!first) {
                                record(server.get("search"), browser.get("search"), id, t0, t1);
                                record(server.get("open"), browser.get("open"), id, t1, t2);
                            }
                            first = false;
                            driver.navigate().back();
                            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input")));
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.getClass().getSimpleName() + ": "
                                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                            driver.get("http://localhost:" + port + "/");
                            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input")));
                        }
                    }
                } finally {
                    if (driver != null) {
                        driver.quit();
                    }
                }
                return null;
            }));
        }
        signedIn.await();
        // From every session signed in, for length; each session's first loop is not counted.
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sessions", sessions);
        figures.put("seconds", length.toSeconds());
        for (String action : server.keySet()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("server", server.get(action).summary());
            one.put("browser", browser.get(action).summary());
            one.put("perSecond", Latencies.round(server.get(action).count() / ((System.nanoTime() - window[0]) / 1e9)));
            figures.put(action, one);
        }
        figures.put("errors", errors.get());
        figures.put("firstError", firstError.get());
        return figures;
    }

    /** The server time of the session's Vaadin requests that started within [from, to], and the browser's whole wait. */
    private static void record(Latencies server, Latencies browser, String session, long from, long to) {
        long total = 0;
        for (long[] request : UIDL.getOrDefault(session, new ConcurrentLinkedQueue<>())) {
            if (request[0] >= from && request[0] <= to) {
                total += request[1];
            }
        }
        synchronized (server) {
            server.add(total);
        }
        synchronized (browser) {
            browser.add(to - from);
        }
    }

    private static List<String> names(Connection superuser) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = superuser.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT name FROM account TABLESAMPLE BERNOULLI (0.05) REPEATABLE (11)
                 WHERE id LIKE '20881%' AND length(name) >= 2 LIMIT 200""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void signIn(WebDriver driver, WebDriverWait wait, int port) {
        driver.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("agent1");
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo123", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-search input")));
    }

    /** Times each Vaadin request ({@code v-r=uidl}) and files it under its session. */
    private static final class UidlTimer implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!"uidl".equals(request.getParameter("v-r"))) {
                chain.doFilter(request, response);
                return;
            }
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                HttpSession session = ((HttpServletRequest) request).getSession(false);
                if (session != null) {
                    UIDL.computeIfAbsent(session.getId(), id -> new ConcurrentLinkedQueue<>())
                            .add(new long[] {start, System.nanoTime() - start});
                }
            }
        }
    }
}
