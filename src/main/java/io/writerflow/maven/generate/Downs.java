package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;

import java.util.Locale;

/** {@code writerflow.downs}: which down migrations generate writes. */
public enum Downs {

    /** Unset, the default: the down migration of each migration generate writes. */
    NEW,
    /** {@code true}: also the missing down migrations of the directory's existing migrations. */
    MISSING,
    /** {@code false}: none. */
    NONE;

    public static final String PROPERTY = "writerflow.downs";

    /** @throws WriterflowException for another value than unset, true or false */
    public static Downs parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> NEW;
            case "true" -> MISSING;
            case "false" -> NONE;
            default -> throw new WriterflowException(PROPERTY + "=" + value + " is neither true nor false.",
                    "Leave it unset to write the down migration of each new migration, set it to true to also write"
                            + " the missing ones of existing migrations, or to false to write none.");
        };
    }

    public boolean writesNew() {
        return this != NONE;
    }
}
