package io.writerflow.maven.settings;

/** An auth token whose value never reaches a log line, an error or a {@code toString()}. */
public record AuthToken(String value) {

    @Override
    public String toString() {
        return "AuthToken[****]";
    }
}
