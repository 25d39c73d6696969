package io.writerflow.maven.diff;

import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;

import java.util.List;
import java.util.Map;

/**
 * The previous tables (renamed as declared) matched by name with the new ones: those only the new schema has,
 * those only the previous one had, and those both have.
 *
 * @param created the new schema's tables without a previous one, in the new schema's order
 * @param dropped the previous tables without a new one, in the previous schema's order
 * @param kept    the tables both have, in the previous schema's order (the order drizzle-kit diffs them in)
 */
record TableMatch(List<Table> created, List<Table> dropped, List<TablePair> kept) {

    /** A table that kept its name (or was renamed as declared), before and after. */
    record TablePair(Table before, Table after) {
    }

    static TableMatch of(RenamedSchema renamed, Schema to) {
        // looked up by name, not searched: a 300-table schema would take 90,000 comparisons per search pass
        Map<String, Table> before = SchemaDiff.byKey(renamed.tables(), Table::name);
        Map<String, Table> after = SchemaDiff.byKey(to.tables(), Table::name);
        return new TableMatch(to.tables().stream().filter(t -> !before.containsKey(t.name())).toList(),
                renamed.tables().stream().filter(t -> !after.containsKey(t.name())).toList(),
                renamed.tables().stream().filter(t -> after.containsKey(t.name()))
                        .map(t -> new TablePair(t, after.get(t.name()))).toList());
    }
}
