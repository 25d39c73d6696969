package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether apply and baseline also record each migration in drizzle's own history table, as drizzle-orm's
 * migrator would, so that drizzle-kit migrate or an app's {@code migrate()} can run after the plugin without
 * running a migration again ({@code writerflow.drizzleHistory}).
 */
public enum DrizzleHistory {
    /** When the database has drizzle's table: drizzle's migrator serves it too. */
    AUTO,
    /** Always; the table is created when missing, in drizzle-orm's format for the directory's layout. */
    ALWAYS,
    /** Never: only the plugin's history. */
    NEVER;

    /** Whether migrations are recorded in a table that exists or not. */
    public boolean records(boolean tableExists) {
        return this == ALWAYS || this == AUTO && tableExists;
    }

    /** From the setting's value, case-insensitive. */
    public static DrizzleHistory parse(String value, String setting) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WriterflowException(setting + "=" + value + " is not a choice.", "Use one of "
                    + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")) + ".");
        }
    }
}
