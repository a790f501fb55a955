package com.closureconsole.perf;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the SQL statements, with their parameters, that the console sends while one call runs,
 * so that the benchmark can send exactly the same statements over plain JDBC and ask PostgreSQL
 * for their plans. Only connections handed out while a capture is running are wrapped; the timed
 * calls go straight to the pool's connections.
 */
final class StatementCapture {

    /** One statement as the console sent it: its SQL and the parameter setters it called, in order. */
    record Captured(String sql, List<Setter> setters) {

        boolean isQuery() {
            String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
            return head.startsWith("SELECT") || head.startsWith("WITH");
        }

        /** A query, or a write that answers rows ({@code RETURNING}). */
        boolean answersRows() {
            return isQuery() || sql.toUpperCase(java.util.Locale.ROOT).contains("RETURNING");
        }

        /** Prepares this statement on {@code connection} with the same parameters. */
        PreparedStatement prepare(Connection connection, String prefix) throws Exception {
            PreparedStatement ps = connection.prepareStatement(prefix + sql);
            for (Setter setter : setters) {
                setter.method().invoke(ps, setter.args());
            }
            return ps;
        }
    }

    /** A call such as {@code setString(1, "…")} on a prepared statement. */
    record Setter(Method method, Object[] args) {
    }

    private static final ThreadLocal<List<Captured>> CAPTURING = new ThreadLocal<>();

    private StatementCapture() {
    }

    /** Runs {@code call} and answers the statements it sent on this thread. */
    static List<Captured> capture(Runnable call) {
        List<Captured> captured = new ArrayList<>();
        CAPTURING.set(captured);
        try {
            call.run();
        } finally {
            CAPTURING.remove();
        }
        return captured;
    }

    /** Wraps the console's {@code dataSource} bean. */
    static BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && "dataSource".equals(name) ? wrap(dataSource) : bean;
            }
        };
    }

    private static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    List<Captured> sink = CAPTURING.get();
                    return sink != null && result instanceof Connection connection ? wrap(connection, sink) : result;
                });
    }

    private static Connection wrap(Connection target, List<Captured> sink) {
        return (Connection) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                        return wrap(ps, (String) args[0], sink);
                    }
                    if (result instanceof Statement st && method.getName().equals("createStatement")) {
                        return wrapPlain(st, sink);
                    }
                    return result;
                });
    }

    private static PreparedStatement wrap(PreparedStatement target, String sql, List<Captured> sink) {
        List<Setter> setters = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        setters.add(new Setter(method, args.clone()));
                    } else if (name.equals("clearParameters")) {
                        setters.clear();
                    } else if ((name.equals("executeQuery") || name.equals("execute") || name.equals("executeUpdate"))
                            && (args == null || args.length == 0)) {
                        sink.add(new Captured(sql, List.copyOf(setters)));
                    }
                    return invoke(target, method, args);
                });
    }

    private static Statement wrapPlain(Statement target, List<Captured> sink) {
        return (Statement) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("executeQuery") || name.equals("execute")) && args != null && args.length == 1
                            && args[0] instanceof String sql) {
                        sink.add(new Captured(sql, List.of()));
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
