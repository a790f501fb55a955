package com.closureconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureJobs;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The two backlog gauges on the test database, each gauge instance with a clock of its own. */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class BacklogGaugesTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;
    @Autowired
    ClosureJobs closureJobs;

    /** A clock a test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @AfterEach
    void defaultPolicy() {
        closureJobs.coolingOff(Duration.ZERO);
    }

    private BacklogGauges gauges(DataSource source, Clock clock) {
        return new BacklogGauges(source, clock, new SimpleMeterRegistry(), Duration.ofSeconds(5));
    }

    @Test
    void the_oldest_due_closure_ages_from_the_end_of_its_cooling_off() {
        closureJobs.coolingOff(Duration.ofHours(1));
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, accounts.closable(), flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null));
        Instant due = jdbc.queryForObject("SELECT due_at FROM closure_request WHERE id = ?", java.sql.Timestamp.class, flow)
                .toInstant();

        // Long before anything in this database was due, nothing is.
        assertThat(gauges(dataSource, Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC))
                .backlog().oldestDueClosure()).isZero();
        double age = gauges(dataSource, Clock.fixed(due.plus(Duration.ofMinutes(90)), ZoneOffset.UTC))
                .backlog().oldestDueClosure();
        assertThat(age).isGreaterThanOrEqualTo(Duration.ofMinutes(90).toSeconds());
    }

    @Test
    void the_oldest_queued_notification_ages_from_when_it_was_queued() {
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, accounts.closable(), flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null));
        Instant queued = jdbc.queryForObject("SELECT created_at FROM notification WHERE closure_request_id = ?",
                java.sql.Timestamp.class, flow).toInstant();
        double age = gauges(dataSource, Clock.fixed(queued.plus(Duration.ofMinutes(10)), ZoneOffset.UTC))
                .backlog().oldestQueuedNotification();
        assertThat(age).isGreaterThanOrEqualTo(600);
    }

    @Test
    void the_database_is_read_at_most_once_per_refresh_however_often_it_is_scraped() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        MovableClock clock = new MovableClock(Instant.now());
        BacklogGauges gauges = gauges(counting, clock);
        for (int i = 0; i < 10; i++) {
            gauges.backlog();
        }
        assertThat(counting.connections).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        gauges.backlog();
        gauges.backlog();
        assertThat(counting.connections).isEqualTo(2);
    }

    @Test
    void without_a_database_the_gauges_read_nan_and_the_scrape_goes_on() {
        BacklogGauges.Backlog down = gauges(new CountingDataSource(null), Clock.systemUTC()).backlog();
        assertThat(down.oldestDueClosure()).isNaN();
        assertThat(down.oldestQueuedNotification()).isNaN();
    }

    @Test
    void a_database_that_does_not_answer_holds_a_scrape_up_for_a_bounded_time_only() {
        CountingDataSource hanging = new CountingDataSource(null);
        hanging.hang = true;
        long start = System.nanoTime();
        BacklogGauges gauges = gauges(hanging, Clock.systemUTC());
        try {
            assertThat(gauges.backlog().oldestDueClosure()).isNaN();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofMillis(BacklogGauges.WAIT_MILLIS + 1500));
        } finally {
            gauges.destroy();
        }
    }

    /** Counts connections handed out; without a delegate, it is a database that is down or hangs. */
    static final class CountingDataSource implements DataSource {
        final DataSource delegate;
        volatile int connections;
        volatile boolean hang;

        CountingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections++;
            if (hang) {
                try {
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (delegate == null) {
                throw new SQLException("Connection refused", "08001");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
