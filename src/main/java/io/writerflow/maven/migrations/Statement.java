package io.writerflow.maven.migrations;

/**
 * One SQL statement of a migration file.
 *
 * @param number 1-based position among the file's statements
 * @param line   1-based line of the file where the statement starts
 * @param sql    the statement text, as written, without surrounding whitespace
 */
public record Statement(int number, int line, String sql) {
}
