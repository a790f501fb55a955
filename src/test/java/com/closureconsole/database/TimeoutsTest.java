package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import com.closureconsole.ConsoleTest;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** No request waits long for a connection, a lock, a statement or a dead socket; jobs do not queue behind each other. */
@ConsoleTest
class TimeoutsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ThreadPoolTaskScheduler scheduler;

    @Test
    void every_connection_of_the_console_carries_statement_lock_and_idle_time_outs() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("30s");
        assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("5s");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("1min");
        assertThat(pool.getConnectionTimeout()).isEqualTo(5000);
        assertThat(pool.getValidationTimeout()).isEqualTo(2000);
        assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "60").containsEntry("connectTimeout", "5");
    }

    @Test
    void an_agent_waits_at_most_the_lock_time_out_for_a_row_someone_else_holds() throws Exception {
        try (Connection other = postgres.getPostgresDatabase().getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("SELECT 1 FROM staff_user WHERE username = 'agent2' FOR UPDATE");
            }
            long started = System.nanoTime();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> jdbc.update("UPDATE staff_user SET display_name = display_name WHERE username = 'agent2'"));
            assertThat(failure).hasMessageContaining("lock timeout");
            assertThat(com.closureconsole.ui.error.DatabaseFailureProbe.messageKey(failure)).isEqualTo("error.database.busy");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            other.rollback();
        }
    }

    @Test
    void the_scheduled_jobs_each_have_a_thread_so_a_slow_one_never_stalls_another() {
        assertThat(scheduler.getPoolSize()).isGreaterThanOrEqualTo(2);
        assertThat(scheduler.getThreadNamePrefix()).isEqualTo("closure-job-");
    }
}
