package org.complaints.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the JDBC round trips of the whole application (engine, register, background jobs): every statement
 * executed, every batch, every commit and rollback. The benchmark reads the counter before and after a scenario
 * and divides by the operations it did; background work of the same period is part of the cost, as in production.
 *
 * <p>Counting runs every JDBC call through a reflective proxy, work production does not do: about a tenth of the
 * JVM's CPU samples in an intake (Flight Recorder, {@code 2000}). {@link #uncounted} turns it off for latency
 * measurements, whose figures then carry none of it.
 */
public final class RoundTrips {

    private static final LongAdder COUNT = new LongAdder();
    private static final Map<String, LongAdder> BY_STATEMENT = new ConcurrentHashMap<>();
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static volatile boolean counting = true;

    private RoundTrips() {}

    /**
     * Runs {@code work} with connections handed out unwrapped: nothing is counted, no call goes through a proxy
     * (connections handed out before keep theirs until they are returned).
     */
    public static <T> T uncounted(Callable<T> work) throws Exception {
        counting = false;
        try {
            return work.call();
        } finally {
            counting = true;
        }
    }

    public static long now() {
        return COUNT.sum();
    }

    /** Round trips per statement (its first words), for "where the time goes". */
    public static Map<String, Long> byStatement() {
        Map<String, Long> copy = new HashMap<>();
        BY_STATEMENT.forEach((sql, n) -> copy.put(sql, n.sum()));
        return copy;
    }

    private static void count(String sql) {
        COUNT.increment();
        // the same statement texts come back all the time: normalise each once
        String key = KEYS.computeIfAbsent(sql == null ? "(unknown)" : sql, text -> {
            String flat = text.strip().replaceAll("\\s+", " ");
            return flat.length() > 90 ? flat.substring(0, 90) : flat;
        });
        BY_STATEMENT.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Wraps the application's DataSource bean. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Counting {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
                            ? proxy(DataSource.class, dataSource)
                            : bean;
                }
            };
        }
    }

    private static Object proxy(Class<?> type, Object target, String sql) {
        return Proxy.newProxyInstance(
                RoundTrips.class.getClassLoader(), new Class<?>[] {type}, new Counter(target, sql));
    }

    private static Object proxy(Class<?> type, Object target) {
        return proxy(type, target, null);
    }

    /** {@code sql}: what a prepared statement runs. */
    private record Counter(Object target, String sql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (!counting && target instanceof DataSource) {
                return invokeTarget(method, args);
            }
            if (name.startsWith("execute")) {
                count(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            } else if (name.equals("commit") || name.equals("rollback")) {
                count(name);
            }
            Object result = invokeTarget(method, args);
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return result;
            }
            // wrap what carries statements further: connections and the three statement kinds
            String prepared =
                    name.startsWith("prepare") && args != null && args.length > 0 && args[0] instanceof String text
                            ? text
                            : null;
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, prepared);
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, prepared);
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s);
            }
            if (result instanceof Connection c) {
                return proxy(Connection.class, c);
            }
            return result;
        }

        private Object invokeTarget(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
