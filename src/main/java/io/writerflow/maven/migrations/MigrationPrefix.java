package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a new migration of the journal layout is numbered: drizzle.config's {@code migrations.prefix}, the part of
 * the tag before its first {@code _} (and of its snapshot's name), as drizzle-kit 0.31 writes it.
 */
public enum MigrationPrefix {
    /** {@code 0003}: the journal index, four digits (the default). */
    INDEX,
    /** {@code 20261202140057}: the UTC time of generation. */
    TIMESTAMP,
    /** As {@link #TIMESTAMP}, Supabase's convention. */
    SUPABASE,
    /** {@code 1796227348}: seconds since the epoch. */
    UNIX,
    /** Nothing: the tag is {@code _name}. */
    NONE;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    /** The prefix of the migration with index {@code idx}, generated at {@code when} (epoch milliseconds). */
    public String of(int idx, long when) {
        return switch (this) {
            case INDEX -> String.format(Locale.ROOT, "%04d", idx);
            case TIMESTAMP, SUPABASE -> STAMP.format(Instant.ofEpochMilli(when));
            case UNIX -> Long.toString(Math.floorDiv(when, 1000));
            case NONE -> "";
        };
    }

    /** drizzle.config's value ({@code index}, {@code timestamp}, ...). */
    public static MigrationPrefix parse(String value, String setting) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WriterflowException(setting + " is \"" + value + "\", which drizzle-kit does not know.",
                    "Use \"index\" (the default), \"timestamp\", \"unix\", \"supabase\" or \"none\".");
        }
    }
}
