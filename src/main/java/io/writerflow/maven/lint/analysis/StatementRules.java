package io.writerflow.maven.lint.analysis;

import io.writerflow.maven.lint.FindingCode;
import io.writerflow.maven.lint.LintTarget;
import io.writerflow.maven.lint.Severity;
import io.writerflow.maven.sql.SqlBlanks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement's first words tell: statements that cannot run in the transaction apply runs each migration
 * in, and syntax one engine has and the other lacks. Read from the text because the shadow cannot tell: it runs
 * in autocommit on plain SQLite, where {@code VACUUM} succeeds and a {@code PRAGMA journal_mode} inside a
 * transaction is never tried, and where libSQL's {@code ALTER COLUMN} fails for a reason that is the finding
 * itself. Only leading keywords are read; nothing is guessed about what the statement changes.
 */
public final class StatementRules {

    /** A rule's verdict on one statement. */
    public record Hit(FindingCode code, Severity severity, String message) {
    }

    /**
     * Settings SQLite refuses or ignores inside a transaction. {@code foreign_keys} is left out: generated
     * rebuilds bracket themselves with it, and apply turns enforcement off around every migration and checks
     * the keys before it commits, so there it is harmless.
     */
    private static final Set<String> PRAGMAS_OUTSIDE_TRANSACTIONS = Set.of("journal_mode", "synchronous",
            "page_size", "auto_vacuum", "locking_mode", "wal_checkpoint", "encoding");

    private static final Pattern ALTER_COLUMN = Pattern.compile(
            "ALTER\\s+TABLE\\s+.+?\\s+ALTER\\s+COLUMN\\s", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PRAGMA_SETTING = Pattern.compile(
            "PRAGMA\\s+(?:[\\w\"`\\[\\]]+\\s*\\.\\s*)?(\\w+)\\s*(=|\\()", Pattern.CASE_INSENSITIVE);

    private StatementRules() {
    }

    public static List<Hit> check(String sql, LintTarget target) {
        String code = sql.substring(SqlBlanks.skip(sql, 0));
        String first = firstWord(code);
        List<Hit> hits = new ArrayList<>();
        switch (first) {
            case "VACUUM" -> hits.add(new Hit(FindingCode.NOT_TRANSACTIONAL, Severity.ERROR, "VACUUM cannot run inside"
                    + " a transaction, and apply runs each migration in one; it also rewrites the whole database"
                    + " under a write lock: run it by hand in a maintenance window instead"));
            case "PRAGMA" -> pragma(code).ifPresent(hits::add);
            case "ALTER" -> {
                if (ALTER_COLUMN.matcher(code).lookingAt()) {
                    hits.add(alterColumn(target));
                }
            }
            case "ATTACH", "DETACH" -> {
                if (target != LintTarget.SQLITE) {
                    hits.add(new Hit(FindingCode.SQLITE_ONLY, target == LintTarget.LIBSQL ? Severity.ERROR
                            : Severity.WARNING, first + " DATABASE runs on SQLite files only: a remote libSQL"
                            + " database (Turso) has no other database files to attach, and refuses it"));
                }
            }
            default -> {
            }
        }
        return hits;
    }

    private static Optional<Hit> pragma(String code) {
        Matcher m = PRAGMA_SETTING.matcher(code);
        if (!m.lookingAt()) {
            return Optional.empty(); // a query (PRAGMA table_info), not a setting
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (!PRAGMAS_OUTSIDE_TRANSACTIONS.contains(name) || m.group(2).equals("(") && !name.equals("wal_checkpoint")) {
            return Optional.empty();
        }
        return Optional.of(new Hit(FindingCode.NOT_TRANSACTIONAL, Severity.ERROR, "PRAGMA " + name + " is refused"
                + " or ignored inside a transaction, and apply runs each migration in one: set it on the database"
                + " outside migrations"));
    }

    /**
     * libSQL's {@code ALTER TABLE ... ALTER COLUMN}: an error on a file (SQLite has no such statement), a warning
     * on a remote libSQL database (it runs there, but not on a developer's local file, nor in drizzle-kit's
     * SQLite dialect, nor on the Turso CLI's server).
     */
    private static Hit alterColumn(LintTarget target) {
        String message = "ALTER TABLE ... ALTER COLUMN is libSQL-only syntax: "
                + (target == LintTarget.LIBSQL ? "it runs on the remote libSQL database, but not on a local SQLite"
                + " file (a developer's local.db), nor on the Turso CLI's server"
                : "SQLite (" + target.described() + ") refuses it; let writerflow:generate rebuild the table instead")
                + "; the lint cannot replay it, so what it changes is not analysed";
        return new Hit(FindingCode.LIBSQL_ONLY, target == LintTarget.LIBSQL ? Severity.WARNING : Severity.ERROR,
                message);
    }

    private static String firstWord(String code) {
        int i = 0;
        while (i < code.length() && Character.isLetter(code.charAt(i))) {
            i++;
        }
        return code.substring(0, i).toUpperCase(Locale.ROOT);
    }
}
