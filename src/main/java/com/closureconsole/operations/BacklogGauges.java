package com.closureconsole.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far behind the console's background work is: the age in seconds of the oldest closure
 * whose cooling-off has ended but which is not completed yet, and of the oldest customer
 * notification still queued (0 when there is none).
 *
 * <p>Both come from one query, run at most once per {@code closure.metrics.backlog-refresh}
 * however often the metrics are scraped, on a thread of its own: a scrape waits for it at most
 * {@value #WAIT_MILLIS} ms. When the database cannot answer, the gauges read NaN and the scrape
 * itself still succeeds.
 */
@Component
class BacklogGauges implements DisposableBean {

    static final String OLDEST_DUE_CLOSURE = "closure.closures.oldest.due.age";
    static final String OLDEST_QUEUED_NOTIFICATION = "closure.notifications.oldest.queued.age";
    static final long WAIT_MILLIS = 2000;

    private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);

    /** The two ages, and when they were read; NaN where the database could not be read. */
    record Backlog(double oldestDueClosure, double oldestQueuedNotification, Instant readAt) {
        static Backlog unknown(Instant at) {
            return new Backlog(Double.NaN, Double.NaN, at);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration refresh;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backlog-gauges");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable Backlog last;
    private @Nullable CompletableFuture<Backlog> reading;
    private boolean failing;

    BacklogGauges(DataSource dataSource, Clock clock, MeterRegistry registry,
                  @Value("${closure.metrics.backlog-refresh:5s}") Duration refresh) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(2);
        this.clock = clock;
        this.refresh = refresh;
        Gauge.builder(OLDEST_DUE_CLOSURE, this, gauges -> gauges.backlog().oldestDueClosure())
                .description("Age of the oldest closure request whose cooling-off has ended and that is not completed yet (0 if none)")
                .baseUnit("seconds").register(registry);
        Gauge.builder(OLDEST_QUEUED_NOTIFICATION, this, gauges -> gauges.backlog().oldestQueuedNotification())
                .description("Age of the oldest customer notification still queued for delivery (0 if none)")
                .baseUnit("seconds").register(registry);
    }

    /** The last reading if it is recent enough, else a new one, waiting a bounded time for it. */
    Backlog backlog() {
        Instant now = clock.instant();
        Backlog current = last;
        if (current != null && current.readAt().plus(refresh).isAfter(now)) {
            return current;
        }
        CompletableFuture<Backlog> pending;
        synchronized (this) {
            if (reading == null || reading.isDone()) {
                reading = CompletableFuture.supplyAsync(this::read, reader);
            }
            pending = reading;
        }
        try {
            return pending.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Backlog.unknown(now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Backlog.unknown(now);
        } catch (ExecutionException e) {
            return Backlog.unknown(now);
        }
    }

    private Backlog read() {
        Instant now = clock.instant();
        Backlog backlog;
        try {
            backlog = jdbc.queryForObject("""
                    SELECT (SELECT min(due_at) FROM closure_request WHERE state = 'COOLING_OFF' AND due_at <= ?) AS oldest_due,
                           (SELECT min(created_at) FROM notification WHERE status = 'QUEUED') AS oldest_queued""",
                    (rs, row) -> new Backlog(ageSeconds(rs.getTimestamp("oldest_due"), now),
                            ageSeconds(rs.getTimestamp("oldest_queued"), now), now),
                    Timestamp.from(now));
            if (failing) {
                log.info("The backlog gauges read the database again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("The backlog gauges cannot read the database; they read NaN until it answers: {}", e.toString());
                failing = true;
            }
            backlog = Backlog.unknown(now);
        }
        last = backlog;
        return backlog;
    }

    private static double ageSeconds(@Nullable Timestamp since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since.toInstant(), now).toMillis() / 1000.0);
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
