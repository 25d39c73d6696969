package io.writerflow.maven.engine;

/** SQL text built by the engine: identifiers in double quotes, text in single quotes, each doubled inside. */
public final class SqlQuoting {

    private SqlQuoting() {
    }

    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
