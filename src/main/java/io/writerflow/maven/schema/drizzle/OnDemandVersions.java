package io.writerflow.maven.schema.drizzle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The artifacts and versions of {@link OnDemandDependencies}: on-demand.properties, which the build writes. */
final class OnDemandVersions {

    private static final Properties PROPERTIES = read();

    private OnDemandVersions() {
    }

    static String get(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("on-demand.properties has no " + key);
        }
        return value;
    }

    /** The version of TypeScript's compiler, which names it in transpile-cache keys. */
    static String typeScript() {
        return get("typescript.version");
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = OnDemandVersions.class.getResourceAsStream("on-demand.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing plugin resource on-demand.properties");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
