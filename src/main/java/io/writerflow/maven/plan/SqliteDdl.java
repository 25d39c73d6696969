package io.writerflow.maven.plan;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.PrimaryKey;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.View;
import io.writerflow.maven.sql.SqlQuoting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SQL text for SQLite, laid out byte for byte as drizzle-kit 0.31's SQLite convertors write it (backquoted
 * names, tabs in CREATE TABLE, its clause order and spacing), so a migration written here reads like one
 * drizzle-kit wrote. Only portable SQLite: nothing libSQL-only.
 *
 * <p>Unlike drizzle-kit, every name goes through {@link SqlQuoting}: a quote inside a name is doubled, so a
 * table called {@code x`; DROP TABLE `t} stays a name instead of becoming a statement. Where drizzle-kit writes
 * a name bare, ordinary names stay bare and others are quoted. For ordinary names the text is drizzle-kit's.
 */
final class SqliteDdl {

    private SqliteDdl() {
    }

    /** drizzle-kit's {@code SQLiteCreateTableConvertor}, with a newline after the closing {@code );}. */
    static String createTable(String name, Table table, List<Check> checks) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(q(name)).append(" (\n");
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            sql.append('\t').append(q(c.name())).append(' ').append(c.type())
                    .append(c.primaryKey() ? " PRIMARY KEY" : "")
                    .append(c.autoincrement() ? " AUTOINCREMENT" : "")
                    .append(c.defaultValue().map(d -> " DEFAULT " + d.sql()).orElse(""))
                    .append(c.generated().map(SqliteDdl::generated).orElse(""))
                    .append(c.notNull() ? " NOT NULL" : "")
                    .append(i == columns.size() - 1 ? "" : ",\n");
        }
        for (PrimaryKey pk : table.compositePrimaryKeys()) {
            sql.append(",\n\tPRIMARY KEY(").append(backquoted(pk.columns(), ", ")).append(')');
        }
        for (ForeignKey fk : table.foreignKeys()) {
            sql.append(",\n\tFOREIGN KEY (").append(backquoted(fk.columnsFrom(), ",")).append(") REFERENCES ")
                    .append(q(fk.tableTo())).append('(').append(backquoted(fk.columnsTo(), ",")).append(')')
                    .append(" ON UPDATE ").append(fk.onUpdate()).append(" ON DELETE ").append(fk.onDelete());
        }
        for (Unique unique : table.uniqueConstraints()) {
            sql.append(",\n\tCONSTRAINT ").append(SqlQuoting.name(unique.name())).append(" UNIQUE(")
                    .append(backquoted(unique.columns(), ",")).append(')');
        }
        for (Check check : checks) {
            sql.append(",\n\tCONSTRAINT ").append(quoted(check.name())).append(" CHECK(").append(check.value())
                    .append(')');
        }
        return sql.append("\n);\n").toString();
    }

    /**
     * drizzle-kit's {@code SQLiteAlterTableAddColumnConvertor}. drizzle-kit drops a foreign key's actions
     * here, so the database would not cascade as the schema says: they are written when not the default.
     */
    static String addColumn(String table, Column c, Optional<ForeignKey> reference) {
        return "ALTER TABLE " + q(table) + " ADD " + q(c.name()) + " " + c.type()
                + (c.primaryKey() ? " PRIMARY KEY" : "")
                + c.defaultValue().map(d -> " DEFAULT " + d.sql()).orElse("")
                + c.generated().map(SqliteDdl::generated).orElse("")
                + (c.notNull() ? " NOT NULL" : "")
                + reference.map(SqliteDdl::inlineReference).orElse("") + ";";
    }

    private static String inlineReference(ForeignKey fk) {
        String actions = fk.onUpdate().equals("no action") && fk.onDelete().equals("no action") ? ""
                : " ON UPDATE " + fk.onUpdate() + " ON DELETE " + fk.onDelete();
        return " REFERENCES " + SqlQuoting.name(fk.tableTo()) + "(" + fk.columnsTo().stream().map(SqlQuoting::name)
                .collect(Collectors.joining(",")) + ")" + actions;
    }

    private static String generated(Column.Generated g) {
        return " GENERATED ALWAYS AS " + g.as() + " " + g.type().toUpperCase(Locale.ROOT);
    }

    static String dropColumn(String table, String column) {
        return "ALTER TABLE " + q(table) + " DROP COLUMN " + q(column) + ";";
    }

    static String dropTable(String table) {
        return "DROP TABLE " + q(table) + ";";
    }

    static String renameTable(String from, String to) {
        return "ALTER TABLE " + q(from) + " RENAME TO " + q(to) + ";";
    }

    static String renameColumn(String table, String from, String to) {
        return "ALTER TABLE " + q(table) + " RENAME COLUMN " + quoted(from) + " TO " + quoted(to) + ";";
    }

    /** drizzle-kit's {@code CreateSqliteIndexConvertor}: expressions as written, columns backquoted. */
    static String createIndex(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE INDEX" : "INDEX") + " " + q(index.name()) + " ON " + q(table)
                + " (" + index.columns().stream().map(c -> c.expression() ? c.value() : q(c.value()))
                .collect(Collectors.joining(",")) + ")" + index.where().map(w -> " WHERE " + w).orElse("") + ";";
    }

    static String dropIndex(String index) {
        return "DROP INDEX " + q(index) + ";";
    }

    static String createView(View view) {
        return "CREATE VIEW " + q(view.name()) + " AS " + view.definition().orElse("") + ";";
    }

    static String dropView(String view) {
        return "DROP VIEW " + q(view) + ";";
    }

    /** A name in double quotes, where drizzle-kit writes those. */
    static String quoted(String name) {
        return SqlQuoting.identifier(name);
    }

    /** A name in backquotes, where drizzle-kit writes those (most places). */
    static String q(String name) {
        return SqlQuoting.backquoted(name);
    }

    private static String backquoted(List<String> names, String separator) {
        return names.stream().map(SqliteDdl::q).collect(Collectors.joining(separator));
    }
}
