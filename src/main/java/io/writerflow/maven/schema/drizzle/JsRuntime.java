package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;

import java.util.Locale;

/** Which JavaScript runtime evaluates schema.js: the {@code writerflow.jsRuntime} setting. */
public enum JsRuntime {
    /** Node.js when one (20.6 or newer) is found, else GraalJS. */
    AUTO,
    /** Node.js, and fail when it cannot be used. */
    NODE,
    /** GraalJS inside the JVM, whether or not Node.js is installed. */
    GRAALJS;

    public static JsRuntime parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WriterflowException("writerflow.jsRuntime is '" + value + "', which is not a runtime writerflow"
                    + " knows.", "Set writerflow.jsRuntime to auto (the default), node or graaljs.");
        }
    }
}
