package io.writerflow.maven.engine;

/** SQL text built by the engine: identifiers in double quotes, text in single quotes, each doubled inside. */
final class SqlQuoting {

    private SqlQuoting() {
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
