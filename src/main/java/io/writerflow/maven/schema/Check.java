package io.writerflow.maven.schema;

/** A {@code CHECK} constraint: its name and its SQL condition. */
public record Check(String name, String value) {
}
