package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.sql.SqlBlanks;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Statements that end or nest a transaction: {@code BEGIN}, {@code COMMIT}, {@code END}, {@code ROLLBACK},
 * {@code SAVEPOINT}, {@code RELEASE}. apply runs each migration in a transaction (or a savepoint) together with
 * its history row, so that it is applied whole or not at all; a {@code COMMIT} in the middle commits the first
 * part and leaves the rest to run outside any transaction, where a failure can no longer be rolled back.
 * Such a migration is refused before anything runs.
 */
public final class TransactionControl {

    private static final Set<String> KEYWORDS = Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");

    private TransactionControl() {
    }

    /** The first transaction-control statement of {@code migration}, reading no further than it. */
    public static Optional<Statement> find(Migration migration) {
        return migration.statements().find(statement -> keyword(statement.sql()).isPresent());
    }

    /**
     * Refuses {@code migration}, before anything of an apply ran, if it holds a transaction-control statement,
     * naming the file, line and number.
     */
    public static void refuse(Migration migration) {
        find(migration).ifPresent(statement -> {
            WriterflowException e = problem(migration, statement);
            throw new WriterflowException(e.problem() + " Nothing was applied.", e.nextStep());
        });
    }

    /** Why {@code statement} of {@code migration} cannot run, and what to do instead. */
    public static WriterflowException problem(Migration migration, Statement statement) {
        String keyword = keyword(statement.sql()).orElseThrow();
        return new WriterflowException(migration.file() + ":" + statement.line() + ": statement "
                + statement.number() + " of " + migration.tag() + " is " + keyword + ", which would "
                + (keyword.equals("BEGIN") || keyword.equals("SAVEPOINT") ? "nest a transaction in" : "end")
                + " the transaction apply runs each migration in (with its history row, so that it is applied"
                + " whole or not at all).",
                "Remove the " + keyword + " statement from " + migration.file() + "; apply already makes the"
                        + " migration atomic. To commit in steps, split the work into several migrations"
                        + " (mvn writerflow:generate -Dwriterflow.custom=true for each).");
    }

    /** The statement's transaction-control keyword, upper case, after leading whitespace and comments. */
    static Optional<String> keyword(String sql) {
        int start = SqlBlanks.skip(sql, 0);
        int i = start;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(word) ? Optional.of(word) : Optional.empty();
    }
}
