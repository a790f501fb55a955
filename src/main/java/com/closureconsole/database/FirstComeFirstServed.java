package com.closureconsole.database;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's pool, handing its connections out first come, first served.
 *
 * <p>HikariCP lets a thread that asks for a connection take one that was just given back, ahead of
 * the threads already waiting (and a waiter whose connection was taken that way queues again at
 * the back). With more agents acting at once than the pool has connections, most wait a little,
 * and a few wait until the pool's time-out and are told the database is unavailable while it
 * answers every statement. Here each request for a connection first takes a turn in a fair queue
 * with as many turns as the pool has connections, so the waits are as long as the queue ahead and
 * no longer; a request still waiting after the pool's {@code connection-timeout} fails as the pool
 * itself would ({@link SQLTransientConnectionException}).
 *
 * <p>The wait for a turn is the metric {@value #WAIT} and the requests waiting the gauge
 * {@value #WAITING}; the pool's own metrics ({@code hikaricp.*}) stay as they are.
 */
final class FirstComeFirstServed extends DelegatingDataSource implements Closeable {

    static final String WAIT = "closure.database.connection.wait";
    static final String WAITING = "closure.database.connection.waiting";

    private final HikariDataSource pool;
    private final Semaphore turns;
    private final long timeoutMillis;
    private final @Nullable Timer waits;

    FirstComeFirstServed(HikariDataSource pool, @Nullable MeterRegistry meters) {
        super(pool);
        this.pool = pool;
        this.turns = new Semaphore(pool.getMaximumPoolSize(), true);
        this.timeoutMillis = pool.getConnectionTimeout();
        if (meters != null) {
            this.waits = Timer.builder(WAIT).description("Time a request for a database connection waited for its turn")
                    .tag("pool", String.valueOf(pool.getPoolName())).register(meters);
            Gauge.builder(WAITING, turns, Semaphore::getQueueLength)
                    .description("Requests for a database connection waiting for their turn")
                    .tag("pool", String.valueOf(pool.getPoolName())).register(meters);
        } else {
            this.waits = null;
        }
    }

    /** How many requests wait for their turn now. */
    int waiting() {
        return turns.getQueueLength();
    }

    @Override
    public Connection getConnection() throws SQLException {
        long asked = System.nanoTime();
        boolean turn;
        try {
            turn = turns.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException(pool.getPoolName() + " - Interrupted while waiting for a connection", e);
        } finally {
            if (waits != null) {
                waits.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
            }
        }
        if (!turn) {
            throw new SQLTransientConnectionException(pool.getPoolName() + " - Connection is not available, request timed out after "
                    + timeoutMillis + "ms (" + turns.getQueueLength() + " more waiting)");
        }
        try {
            return givesBackItsTurn(pool.getConnection());
        } catch (SQLException | RuntimeException | Error e) {
            turns.release();
            throw e;
        }
    }

    /** The connection, which gives its turn back when it is closed (once, however often it is closed). */
    private Connection givesBackItsTurn(Connection connection) {
        AtomicBoolean given = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if ((name.equals("close") || name.equals("abort")) && given.compareAndSet(false, true)) {
                try {
                    return invoke(connection, method, args);
                } finally {
                    turns.release();
                }
            }
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "first come, first served: " + connection;
                default -> invoke(connection, method, args);
            };
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static @Nullable Object invoke(Connection connection, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Asked for the {@link DataSource} it wraps, it answers with the pool: Spring Boot derives
     * Flyway's connection (the owner's, on an external database) from the pool's settings that way.
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface == DataSource.class ? iface.cast(pool) : super.unwrap(iface);
    }

    /** Closes the pool (the application context's end). */
    @Override
    public void close() {
        pool.close();
    }
}
