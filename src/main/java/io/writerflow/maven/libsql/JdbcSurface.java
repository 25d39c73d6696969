package io.writerflow.maven.libsql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDBC face of one of the driver's objects: a proxy of a JDBC interface whose methods run the object's
 * public method of the same signature, and, for the hundreds of methods the driver has no use for, throw
 * {@link SQLFeatureNotSupportedException} naming the method. {@code unwrap} and {@code isWrapperFor} answer
 * for the object behind the proxy, so callers reach the driver's own API ({@code unwrap(LibsqlConnection.class)}).
 * A proxy instead of abstract classes that spell every method out: the driver is the methods it supports.
 */
final class JdbcSurface implements InvocationHandler {

    /** The implementation's method for an interface method, or none, per implementing class. */
    private record Key(Method method, Class<?> type) {
    }

    private static final Map<Key, Optional<Method>> IMPLEMENTATIONS = new ConcurrentHashMap<>();

    private final Class<?> api;
    private final Object implementation;

    private JdbcSurface(Class<?> api, Object implementation) {
        this.api = api;
        this.implementation = implementation;
    }

    /** {@code implementation} as a {@code T}. */
    static <T> T of(Class<T> api, Object implementation) {
        return api.cast(Proxy.newProxyInstance(JdbcSurface.class.getClassLoader(), new Class<?>[] {api},
                new JdbcSurface(api, implementation)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0];
        }
        if (name.equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("isWrapperFor")) {
            return ((Class<?>) args[0]).isInstance(proxy) || ((Class<?>) args[0]).isInstance(implementation);
        }
        if (name.equals("unwrap")) {
            Class<?> wanted = (Class<?>) args[0];
            if (wanted.isInstance(proxy) || wanted.isInstance(implementation)) {
                return wanted.isInstance(proxy) ? proxy : implementation;
            }
            throw new SQLException(api.getSimpleName() + " of the libSQL driver is not a " + wanted.getName());
        }
        Optional<Method> own = IMPLEMENTATIONS.computeIfAbsent(new Key(method, implementation.getClass()),
                key -> implementationOf(key.method(), key.type()));
        if (own.isEmpty()) {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw unsupported(method);
        }
        try {
            return own.get().invoke(implementation, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Optional<Method> implementationOf(Method method, Class<?> type) {
        try {
            return Optional.of(type.getMethod(method.getName(), method.getParameterTypes()));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** The exception the method may throw that says it is not supported. */
    private Throwable unsupported(Method method) {
        String what = api.getSimpleName() + "." + method.getName() + " is not supported by the libSQL driver";
        if (Arrays.asList(method.getExceptionTypes()).contains(SQLException.class)) {
            return new SQLFeatureNotSupportedException(what);
        }
        if (Arrays.asList(method.getExceptionTypes()).contains(SQLClientInfoException.class)) {
            return new SQLClientInfoException(what, null);
        }
        return new UnsupportedOperationException(what);
    }
}
