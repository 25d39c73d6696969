package io.writerflow.maven.diff;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses to turn a possible rename into a drop: when a table disappears while another appears, or a column
 * disappears while a type-compatible one appears in the same table, only the user knows which it is.
 * drizzle-kit asks in a terminal prompt (and without a terminal silently writes nothing); this fails with
 * the candidates and the exact property to set.
 */
final class Ambiguity {

    static final String ACCEPT_DROPS = "writerflow.acceptDrops";

    private Ambiguity() {
    }

    /** A table that kept its name (or was renamed as declared), before and after. */
    record TablePair(Table before, Table after) {
    }

    private record Candidate(String what, String oldName, List<String> newNames, String table) {
    }

    static void check(List<Table> created, List<Table> dropped, List<TablePair> kept, Renames declared) {
        List<Candidate> candidates = new ArrayList<>();
        if (!created.isEmpty()) {
            for (Table gone : dropped) {
                candidates.add(new Candidate("table", gone.name(), created.stream().map(Table::name).toList(), null));
            }
        }
        for (TablePair pair : kept) {
            Set<String> stillThere = pair.after().columns().stream().map(Column::name).collect(Collectors.toSet());
            for (Column gone : pair.before().columns()) {
                if (gone.generated().isPresent() || stillThere.contains(gone.name())) {
                    continue; // a generated column holds no data of its own to keep
                }
                List<String> appeared = pair.after().columns().stream()
                        .filter(c -> c.generated().isEmpty() && pair.before().column(c.name()).isEmpty())
                        .filter(c -> ColumnTypes.renameCompatible(gone.type(), c.type()))
                        .map(Column::name).toList();
                if (!appeared.isEmpty()) {
                    candidates.add(new Candidate("column", gone.name(), appeared, pair.after().name()));
                }
            }
        }
        if (!candidates.isEmpty()) {
            throw failure(candidates, declared);
        }
    }

    private static WriterflowException failure(List<Candidate> candidates, Renames declared) {
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
                + ". To drop and create instead, losing the dropped data, run again with -D" + ACCEPT_DROPS + "=true.";
        return new WriterflowException(problem.toString(), nextStep);
    }

    private static String plural(String noun, List<String> names) {
        return noun + (names.size() == 1 ? " " : "s ") + names.stream().collect(Collectors.joining(", "));
    }
}
