package io.writerflow.maven.plan;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.PrimaryKey;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.View;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SQL text for SQLite, laid out byte for byte as drizzle-kit 0.31's SQLite convertors write it (backquoted
 * names, tabs in CREATE TABLE, its clause order and spacing), so a migration written here reads like one
 * drizzle-kit wrote. Only portable SQLite: nothing libSQL-only.
 */
final class SqliteDdl {

    private SqliteDdl() {
    }

    /** drizzle-kit's {@code SQLiteCreateTableConvertor}, with a newline after the closing {@code );}. */
    static String createTable(String name, Table table, List<Check> checks) {
        StringBuilder sql = new StringBuilder("CREATE TABLE `").append(name).append("` (\n");
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            sql.append('\t').append('`').append(c.name()).append("` ").append(c.type())
                    .append(c.primaryKey() ? " PRIMARY KEY" : "")
                    .append(c.autoincrement() ? " AUTOINCREMENT" : "")
                    .append(c.defaultValue().map(d -> " DEFAULT " + d.sql()).orElse(""))
                    .append(c.generated().map(SqliteDdl::generated).orElse(""))
                    .append(c.notNull() ? " NOT NULL" : "")
                    .append(i == columns.size() - 1 ? "" : ",\n");
        }
        for (PrimaryKey pk : table.compositePrimaryKeys()) {
            sql.append(",\n\tPRIMARY KEY(").append(pk.columns().stream().map(c -> "`" + c + "`")
                    .collect(Collectors.joining(", "))).append(')');
        }
        for (ForeignKey fk : table.foreignKeys()) {
            sql.append(",\n\tFOREIGN KEY (").append(backquoted(fk.columnsFrom(), ",")).append(") REFERENCES `")
                    .append(fk.tableTo()).append("`(").append(backquoted(fk.columnsTo(), ",")).append(')')
                    .append(" ON UPDATE ").append(fk.onUpdate()).append(" ON DELETE ").append(fk.onDelete());
        }
        for (Unique unique : table.uniqueConstraints()) {
            sql.append(",\n\tCONSTRAINT ").append(unique.name()).append(" UNIQUE(`")
                    .append(String.join("`,`", unique.columns())).append("`)");
        }
        for (Check check : checks) {
            sql.append(",\n\tCONSTRAINT \"").append(check.name()).append("\" CHECK(").append(check.value()).append(')');
        }
        return sql.append("\n);\n").toString();
    }

    /**
     * drizzle-kit's {@code SQLiteAlterTableAddColumnConvertor}. drizzle-kit drops a foreign key's actions
     * here, so the database would not cascade as the schema says: they are written when not the default.
     */
    static String addColumn(String table, Column c, Optional<ForeignKey> reference) {
        return "ALTER TABLE `" + table + "` ADD `" + c.name() + "` " + c.type()
                + (c.primaryKey() ? " PRIMARY KEY" : "")
                + c.defaultValue().map(d -> " DEFAULT " + d.sql()).orElse("")
                + c.generated().map(SqliteDdl::generated).orElse("")
                + (c.notNull() ? " NOT NULL" : "")
                + reference.map(SqliteDdl::inlineReference).orElse("") + ";";
    }

    private static String inlineReference(ForeignKey fk) {
        String actions = fk.onUpdate().equals("no action") && fk.onDelete().equals("no action") ? ""
                : " ON UPDATE " + fk.onUpdate() + " ON DELETE " + fk.onDelete();
        return " REFERENCES " + fk.tableTo() + "(" + String.join(",", fk.columnsTo()) + ")" + actions;
    }

    private static String generated(Column.Generated g) {
        return " GENERATED ALWAYS AS " + g.as() + " " + g.type().toUpperCase(Locale.ROOT);
    }

    static String dropColumn(String table, String column) {
        return "ALTER TABLE `" + table + "` DROP COLUMN `" + column + "`;";
    }

    static String dropTable(String table) {
        return "DROP TABLE `" + table + "`;";
    }

    static String renameTable(String from, String to) {
        return "ALTER TABLE `" + from + "` RENAME TO `" + to + "`;";
    }

    static String renameColumn(String table, String from, String to) {
        return "ALTER TABLE `" + table + "` RENAME COLUMN \"" + from + "\" TO \"" + to + "\";";
    }

    /** drizzle-kit's {@code CreateSqliteIndexConvertor}: expressions as written, columns backquoted. */
    static String createIndex(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE INDEX" : "INDEX") + " `" + index.name() + "` ON `" + table
                + "` (" + index.columns().stream().map(c -> c.expression() ? c.value() : "`" + c.value() + "`")
                .collect(Collectors.joining(",")) + ")" + index.where().map(w -> " WHERE " + w).orElse("") + ";";
    }

    static String dropIndex(String index) {
        return "DROP INDEX `" + index + "`;";
    }

    static String createView(View view) {
        return "CREATE VIEW `" + view.name() + "` AS " + view.definition().orElse("") + ";";
    }

    static String dropView(String view) {
        return "DROP VIEW `" + view + "`;";
    }

    static String quoted(String name) {
        return "\"" + name + "\"";
    }

    private static String backquoted(List<String> names, String separator) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(separator));
    }
}
