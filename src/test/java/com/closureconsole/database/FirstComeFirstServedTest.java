package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import com.closureconsole.ui.error.DatabaseFailureProbe;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application's connections go to whoever asked first, and a request never waits longer than the pool's time-out. */
@ConsoleTest
class FirstComeFirstServedTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    /** A pool of one connection over the test database, handed out first come, first served. */
    private FirstComeFirstServed oneConnection(long timeoutMillis) {
        pool = new HikariDataSource();
        pool.setDataSource(postgres.getPostgresDatabase());
        pool.setPoolName("test");
        pool.setMaximumPoolSize(1);
        pool.setConnectionTimeout(timeoutMillis);
        return new FirstComeFirstServed(pool, meters);
    }

    @Test
    void the_consoles_own_pool_is_handed_out_first_come_first_served_and_stays_a_hikari_pool() throws Exception {
        assertThat(dataSource.isWrapperFor(FirstComeFirstServed.class)).isTrue();
        assertThat(dataSource.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("embedded");
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT current_user", String.class)).isEqualTo("closure_app");
    }

    @Test
    void a_connection_given_back_goes_to_the_one_who_waited_not_to_the_one_who_asks_again_at_once() throws Exception {
        FirstComeFirstServed connections = oneConnection(5000);
        List<String> served = new CopyOnWriteArrayList<>();
        Connection held = connections.getConnection();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try (Connection c = connections.getConnection()) {
                served.add("the one who waited");
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (connections.waiting() == 0) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
        // An agent acting without a pause: gives its connection back and asks again at once.
        held.close();
        try (Connection again = connections.getConnection()) {
            served.add("the one who asked again");
        }
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(served).containsExactly("the one who waited", "the one who asked again");
        assertThat(meters.get(FirstComeFirstServed.WAIT).timer().count()).isEqualTo(3);
        assertThat(meters.get(FirstComeFirstServed.WAITING).gauge().value()).isZero();
    }

    @Test
    void a_request_waiting_past_the_pools_time_out_is_told_the_database_is_unavailable_and_takes_no_turn_away()
            throws Exception {
        FirstComeFirstServed connections = oneConnection(300);
        try (Connection held = connections.getConnection()) {
            AtomicLong waited = new AtomicLong();
            Throwable failure = catchThrowable(() -> {
                long asked = System.nanoTime();
                try {
                    connections.getConnection().close();
                } finally {
                    waited.set(System.nanoTime() - asked);
                }
            });
            assertThat(failure).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("test - Connection is not available, request timed out after 300ms");
            assertThat(DatabaseFailureProbe.messageKey(failure)).isEqualTo("error.database.unavailable");
            assertThat(Duration.ofNanos(waited.get())).isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
        }
        // The connection closed twice gives its turn back once: there is still exactly one.
        Connection twice = connections.getConnection();
        twice.close();
        twice.close();
        assertThat(twice.isClosed()).isTrue();
        try (Connection only = connections.getConnection()) {
            assertThat(only.isValid(1)).isTrue();
            assertThat(catchThrowable(() -> connections.getConnection().close()))
                    .isInstanceOf(SQLTransientConnectionException.class);
        }
    }
}
