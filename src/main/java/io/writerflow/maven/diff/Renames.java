package io.writerflow.maven.diff;

import io.writerflow.maven.WriterflowException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The renames a user declared with {@code -Dwriterflow.renames=users.name:full_name,posts:articles}: table
 * renames as {@code old:new}, column renames as {@code table.old:new}. Renames are never guessed, so this
 * is the only way a migration keeps the data of a renamed table or column.
 *
 * @param tables  table renames, in the order given
 * @param columns column renames, in the order given; {@link ColumnRename#table()} as written, which may
 *                be the table's old or new name
 */
public record Renames(List<TableRename> tables, List<ColumnRename> columns) {

    /** The user property that declares renames. */
    public static final String PROPERTY = "writerflow.renames";

    public static final Renames NONE = new Renames(List.of(), List.of());

    private static final String EXAMPLE = "-D" + PROPERTY + "=users.name:full_name,posts:articles";

    public Renames {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
    }

    public record TableRename(String from, String to) {
    }

    public record ColumnRename(String table, String from, String to) {
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    public Optional<String> newTableName(String oldName) {
        return tables.stream().filter(r -> r.from.equals(oldName)).map(TableRename::to).findFirst();
    }

    /**
     * Parses the property's value: entries separated by commas, whitespace around them ignored.
     *
     * @throws WriterflowException naming the property and the entry that is wrong
     */
    public static Renames parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<TableRename> tables = new ArrayList<>();
        List<ColumnRename> columns = new ArrayList<>();
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                throw invalid(value, "entry " + (i + 1) + " is empty");
            }
            String[] sides = entry.split(":", -1);
            if (sides.length != 2) {
                throw invalid(value, "'" + entry + "' is not old:new (a table) or table.old:new (a column)");
            }
            String left = sides[0].strip();
            String right = sides[1].strip();
            String[] qualified = left.split("\\.", -1);
            if (qualified.length > 2 || qualified[0].isEmpty() || (qualified.length == 2 && qualified[1].isEmpty())) {
                throw invalid(value, "'" + entry + "': '" + left + "' is neither a table nor table.column");
            }
            if (qualified.length == 1) {
                requireName(value, entry, right);
                tables.add(new TableRename(left, right));
            } else {
                String table = qualified[0];
                String target = right;
                // tolerate "users.name:users.full_name", which names the table twice
                if (right.startsWith(table + ".")) {
                    target = right.substring(table.length() + 1);
                }
                requireName(value, entry, target);
                columns.add(new ColumnRename(table, qualified[1], target));
            }
        }
        refuseDuplicates(value, tables, columns);
        return new Renames(tables, columns);
    }

    private static void requireName(String value, String entry, String name) {
        if (name.isEmpty()) {
            throw invalid(value, "'" + entry + "' has no new name after the ':'");
        }
        if (name.contains(".")) {
            throw invalid(value, "'" + entry + "': the new name '" + name + "' contains a '.'; write a column rename"
                    + " as table.old:new (the new name without its table)");
        }
    }

    private static void refuseDuplicates(String value, List<TableRename> tables, List<ColumnRename> columns) {
        Set<String> from = new HashSet<>();
        Set<String> to = new HashSet<>();
        for (TableRename r : tables) {
            if (!from.add(r.from)) {
                throw invalid(value, "table " + r.from + " is renamed twice");
            }
            if (!to.add(r.to)) {
                throw invalid(value, "two tables are renamed to " + r.to);
            }
            if (r.from.equals(r.to)) {
                throw invalid(value, "'" + r.from + ":" + r.to + "' renames a table to its own name");
            }
        }
        Set<String> columnFrom = new HashSet<>();
        Set<String> columnTo = new HashSet<>();
        for (ColumnRename r : columns) {
            if (!columnFrom.add(r.table + "." + r.from)) {
                throw invalid(value, "column " + r.table + "." + r.from + " is renamed twice");
            }
            if (!columnTo.add(r.table + "." + r.to)) {
                throw invalid(value, "two columns of " + r.table + " are renamed to " + r.to);
            }
            if (r.from.equals(r.to)) {
                throw invalid(value, "'" + r.table + "." + r.from + ":" + r.to + "' renames a column to its own name");
            }
        }
    }

    private static WriterflowException invalid(String value, String problem) {
        return new WriterflowException("-D" + PROPERTY + "=" + value + ": " + problem + ".",
                "Declare each rename once as old:new for a table or table.old:new for a column, separated by"
                        + " commas, e.g. " + EXAMPLE + ".");
    }

    /** Used by the diff to report a rename that does not fit the schemas. */
    static WriterflowException mismatch(Renames renames, String problem, String nextStep) {
        return new WriterflowException("-D" + PROPERTY + "=" + renames.format() + ": " + problem, nextStep);
    }

    /** The property value that declares these renames. */
    public String format() {
        List<String> entries = new ArrayList<>();
        tables.forEach(t -> entries.add(t.from + ":" + t.to));
        columns.forEach(c -> entries.add(c.table + "." + c.from + ":" + c.to));
        return String.join(",", entries);
    }
}
