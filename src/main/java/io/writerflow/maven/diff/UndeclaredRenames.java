package io.writerflow.maven.diff;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.TableMatch.TablePair;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The possible renames nobody declared: a table that disappears while another appears, or a column that
 * disappears while a type-compatible one appears in the same table. Only the user knows which it is, so
 * renames are never guessed: a {@link RenameResolver} settles them, by asking ({@link RenameInterview}) or by
 * failing with the candidates and the exact properties to set ({@link #failure()}). drizzle-kit asks in a
 * terminal prompt, and without a terminal silently writes nothing.
 */
public final class UndeclaredRenames {

    static final String ACCEPT_DROPS = "writerflow.acceptDrops";

    private final Schema from;
    private final Schema to;
    private final Renames declared;
    private final TableMatch match;
    private final List<Candidate> candidates;

    /** What {@code oldName} may have become: tables when {@code table} is null, else columns of {@code table}. */
    private record Candidate(String oldName, List<String> newNames, String table) {
    }

    private UndeclaredRenames(Schema from, Schema to, Renames declared, TableMatch match) {
        this.from = from;
        this.to = to;
        this.declared = declared;
        this.match = match;
        this.candidates = candidates(match);
    }

    /**
     * @throws WriterflowException when a declared rename does not fit the two schemas
     */
    public static UndeclaredRenames of(Schema from, Schema to, Renames declared) {
        return new UndeclaredRenames(from, to, declared, TableMatch.of(RenamedSchema.of(from, to, declared), to));
    }

    static UndeclaredRenames of(Schema from, Schema to, Renames declared, TableMatch match) {
        return new UndeclaredRenames(from, to, declared, match);
    }

    /** Whether everything that may be a rename was declared. */
    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    public Schema from() {
        return from;
    }

    public Schema to() {
        return to;
    }

    public Renames declared() {
        return declared;
    }

    TableMatch tables() {
        return match;
    }

    /** The columns of a kept table that disappeared and hold data of their own (a generated one does not). */
    static List<Column> droppedColumns(TablePair pair) {
        return missing(pair.before(), pair.after());
    }

    /** The columns of a kept table that appeared, other than generated ones (no data could move into them). */
    static List<Column> createdColumns(TablePair pair) {
        return missing(pair.after(), pair.before());
    }

    /** Whether a dropped column may have been renamed to a created one: their types can hold the same values. */
    static boolean mayBecome(Column dropped, Column created) {
        return ColumnTypes.renameCompatible(dropped.type(), created.type());
    }

    private static List<Column> missing(Table table, Table other) {
        Set<String> names = other.columns().stream().map(Column::name).collect(Collectors.toSet());
        return table.columns().stream().filter(c -> c.generated().isEmpty() && !names.contains(c.name())).toList();
    }

    private static List<Candidate> candidates(TableMatch match) {
        List<Candidate> candidates = new ArrayList<>();
        if (!match.created().isEmpty()) {
            for (Table gone : match.dropped()) {
                candidates.add(new Candidate(gone.name(), match.created().stream().map(Table::name).toList(), null));
            }
        }
        for (TablePair pair : match.kept()) {
            List<Column> appeared = createdColumns(pair);
            for (Column gone : droppedColumns(pair)) {
                List<String> names = appeared.stream().filter(c -> mayBecome(gone, c)).map(Column::name).toList();
                if (!names.isEmpty()) {
                    candidates.add(new Candidate(gone.name(), names, pair.after().name()));
                }
            }
        }
        return List.copyOf(candidates);
    }

    /** The failure that lists every candidate and the properties that declare them, for a build that cannot ask. */
    public WriterflowException failure() {
        StringBuilder problem = new StringBuilder("Cannot tell renames from drops, and renames are never guessed."
                + " Without a declared rename, generate would drop these with their data and create the new ones:");
        for (Candidate c : candidates) {
            if (c.table == null) {
                problem.append("\n  - table ").append(c.oldName).append(" disappeared while ")
                        .append(plural("table", c.newNames)).append(" appeared");
            } else {
                problem.append("\n  - column ").append(c.table).append('.').append(c.oldName)
                        .append(" disappeared while ").append(plural("column", c.newNames.stream()
                                .map(n -> c.table + "." + n).toList())).append(" appeared");
            }
        }
        // the property replaces what was given, so the suggestion repeats the renames already declared
        List<String> entries = new ArrayList<>();
        if (!declared.isEmpty()) {
            entries.add(declared.format());
        }
        Set<String> taken = new HashSet<>();
        boolean choices = false;
        for (Candidate c : candidates) {
            String scope = c.table == null ? "" : c.table + ".";
            String target = c.newNames.stream().filter(n -> !taken.contains(scope + n)).findFirst()
                    .orElse(c.newNames.get(0));
            taken.add(scope + target);
            choices |= c.newNames.size() > 1;
            entries.add(scope + c.oldName + ":" + target);
        }
        String nextStep = "If " + (candidates.size() == 1 ? "it is a rename" : "they are renames") + ", run again with -D"
                + Renames.PROPERTY + "=" + String.join(",", entries)
                + (choices ? " (choose the right new names: each entry is old:new, columns as table.old:new)" : "")
                + ". To drop and create instead, losing the dropped data, run again with -D" + ACCEPT_DROPS + "=true"
                + ". In a terminal, generate asks (unless Maven runs in batch mode, -B).";
        return new WriterflowException(problem.toString(), nextStep);
    }

    private static String plural(String noun, List<String> names) {
        return noun + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
    }
}
