package io.writerflow.maven.fleet.platform;

/**
 * A database as the Turso Platform API lists it: its name ({@code Name}), its hostname ({@code Hostname}, such as
 * {@code tenant-1-acme.turso.io}) and its group ({@code group}), the fields Turso's own client reads.
 */
public record PlatformDatabase(String name, String hostname, String group) {
}
