package io.writerflow.maven.pull;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.DefaultNames;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.PrimaryKey;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * drizzle-orm sqlite-core code for a schema as the introspector reads it, written so that drizzle (and the plugin's
 * reader of it) models the code as exactly that schema: every SQL name, type, default, expression and condition is
 * passed through as its text, never re-spelled. Output is a function of the schema alone (tables and views in order
 * of name), so pulling the same database twice writes the same bytes.
 */
public final class SchemaCodeWriter {

    /** drizzle's builders by the SQL type they write. */
    private static final Map<String, String> BUILDERS = Map.of("integer", "integer", "text", "text", "real", "real",
            "blob", "blob", "numeric", "numeric");
    private static final Pattern TEXT_LENGTH = Pattern.compile("(?i)text\\s*\\(\\s*(\\d{1,9})\\s*\\)");
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'");
    /** Numbers JavaScript prints back exactly as written: at most 15 digits, no trailing zero after a point. */
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,14})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d{0,8})\\.\\d{0,5}[1-9]");

    /** What was written: the code, and what the schema had that the code could not say (one line each). */
    public record Code(String text, List<String> notes) {
    }

    private final PullLanguage language;

    public SchemaCodeWriter(PullLanguage language) {
        this.language = language;
    }

    /** @param source how the header names the database the schema was read from */
    public Code write(Schema schema, String source) {
        List<String> notes = new ArrayList<>();
        TreeSet<String> core = new TreeSet<>();
        JsNames exports = new JsNames(true);
        Map<String, String> tableNames = new HashMap<>();
        Map<String, Map<String, String>> keys = new HashMap<>();
        for (Table table : schema.tables()) {
            tableNames.put(table.name(), exports.name(table.name()));
            JsNames columns = new JsNames(false);
            Map<String, String> byColumn = new LinkedHashMap<>();
            table.columns().forEach(c -> byColumn.put(c.name(), columns.name(c.name())));
            keys.put(table.name(), byColumn);
        }
        StringBuilder body = new StringBuilder();
        boolean[] customTypes = {false};
        boolean[] usesSql = {false};
        for (Table table : schema.tables()) {
            body.append('\n').append(new TableCode(table, tableNames, keys, core, notes, customTypes, usesSql).code());
        }
        for (View view : schema.views()) {
            if (view.definition().isEmpty()) {
                notes.add("view " + view.name() + " has no definition the database shows; left out");
                continue;
            }
            core.add("sqliteView");
            usesSql[0] = true;
            body.append('\n').append("export const ").append(exports.name(view.name())).append(" = sqliteView(")
                    .append(JsText.string(view.name())).append(", {}).as(").append(JsText.sql(view.definition().get()))
                    .append(");\n");
        }
        if (customTypes[0]) {
            core.add("customType");
        }
        StringBuilder out = new StringBuilder();
        out.append("// Pulled from ").append(source.replace('\n', ' ')).append(" by writerflow:pull: the schema as the")
                .append(" database has it.\n// Edit freely; run writerflow:generate after each change.\n");
        if (usesSql[0]) {
            out.append("import { sql } from \"drizzle-orm\";\n");
        }
        String imports = String.join(", ", core);
        out.append(imports.length() > 70 ? "import {\n  " + String.join(",\n  ", core) + ",\n}" : "import { " + imports + " }")
                .append(" from \"drizzle-orm/sqlite-core\";\n");
        if (customTypes[0]) {
            out.append("\n/** A column of an SQL type drizzle has no builder for, declared under its exact name. */\n")
                    .append(language == PullLanguage.TS
                            ? "const sqlType = (type: string) => customType<{ data: unknown }>({ dataType: () => type });\n"
                            : "const sqlType = (type) => customType({ dataType: () => type });\n");
        }
        out.append(body);
        return new Code(out.toString(), List.copyOf(notes));
    }

    /** One table's {@code sqliteTable(...)}. */
    private static final class TableCode {
        private final Table table;
        private final Map<String, String> tableNames;
        private final Map<String, Map<String, String>> keys;
        private final TreeSet<String> core;
        private final List<String> notes;
        private final boolean[] customTypes;
        private final boolean[] usesSql;

        TableCode(Table table, Map<String, String> tableNames, Map<String, Map<String, String>> keys,
                  TreeSet<String> core, List<String> notes, boolean[] customTypes, boolean[] usesSql) {
            this.table = table;
            this.tableNames = tableNames;
            this.keys = keys;
            this.core = core;
            this.notes = notes;
            this.customTypes = customTypes;
            this.usesSql = usesSql;
        }

        String code() {
            core.add("sqliteTable");
            Map<String, String> inline = new HashMap<>();
            List<String> extra = new ArrayList<>();
            for (ForeignKey key : table.foreignKeys()) {
                foreignKey(key, inline, extra);
            }
            for (PrimaryKey key : table.compositePrimaryKeys()) {
                core.add("primaryKey");
                extra.add("primaryKey({ " + key.name().map(n -> "name: " + JsText.string(n) + ", ").orElse("")
                        + "columns: [" + columns(table.name(), key.columns()) + "] })");
            }
            for (Unique unique : table.uniqueConstraints()) {
                if (unique.columns().size() == 1
                        && unique.name().equals(DefaultNames.unique(table.name(), unique.columns()))) {
                    // drizzle's .unique() on the column: the same name, said where it belongs
                    inline.merge(unique.columns().get(0), ".unique()", (a, b) -> b + a);
                    continue;
                }
                core.add("unique");
                String name = unique.name().isEmpty() ? DefaultNames.unique(table.name(), unique.columns()) : unique.name();
                extra.add("unique(" + JsText.string(name) + ").on(" + columns(table.name(), unique.columns()) + ")");
            }
            for (Index index : table.indexes()) {
                extra.add(index(index));
            }
            for (Check check : table.checks()) {
                core.add("check");
                usesSql[0] = true;
                extra.add("check(" + JsText.string(check.name()) + ", " + JsText.sql(check.value()) + ")");
            }
            StringBuilder out = new StringBuilder("export const ").append(tableNames.get(table.name()))
                    .append(" = sqliteTable(").append(JsText.string(table.name())).append(", {\n");
            for (Column column : table.columns()) {
                out.append("  ").append(keys.get(table.name()).get(column.name())).append(": ")
                        .append(column(column)).append(inline.getOrDefault(column.name(), "")).append(",\n");
            }
            out.append("}");
            if (!extra.isEmpty()) {
                out.append(", (t) => [\n");
                extra.forEach(e -> out.append("  ").append(e).append(",\n"));
                out.append("]");
            }
            return out.append(");\n").toString();
        }

        private String column(Column column) {
            String key = keys.get(table.name()).get(column.name());
            String type = column.type().strip();
            String lower = type.toLowerCase(Locale.ROOT);
            Matcher length = TEXT_LENGTH.matcher(type);
            String name = JsNames.plainKey(key, column.name()) ? "" : JsText.string(column.name());
            String kind;
            StringBuilder out = new StringBuilder();
            if (BUILDERS.containsKey(lower)) {
                kind = lower;
                core.add(kind);
                out.append(kind).append('(').append(name).append(')');
            } else if (length.matches()) {
                kind = "text";
                core.add(kind);
                out.append("text(").append(name.isEmpty() ? "" : name + ", ").append("{ length: ")
                        .append(Integer.parseInt(length.group(1))).append(" })");
            } else {
                kind = "custom";
                customTypes[0] = true;
                out.append("sqlType(").append(JsText.string(type)).append(")(").append(JsText.string(column.name()))
                        .append(')');
            }
            if (column.primaryKey()) {
                out.append(column.autoincrement() && kind.equals("integer") ? ".primaryKey({ autoIncrement: true })"
                        : ".primaryKey()");
                if (column.autoincrement() && !kind.equals("integer")) {
                    notes.add(table.name() + "." + column.name() + ": AUTOINCREMENT on type " + type
                            + " left out (drizzle writes it for integer columns only)");
                }
            } else if (column.notNull()) {
                out.append(".notNull()");
            }
            column.defaultValue().ifPresent(d -> out.append(".default(").append(defaultValue(d.sql(), kind)).append(')'));
            column.generated().ifPresent(g -> {
                usesSql[0] = true;
                out.append(".generatedAlwaysAs(").append(JsText.sql(unwrap(g.as()))).append(", { mode: ")
                        .append(JsText.string(g.type().toLowerCase(Locale.ROOT))).append(" })");
            });
            return out.toString();
        }

        /** A JavaScript value where drizzle writes it back as the same text; else the text itself as sql``. */
        private String defaultValue(String sql, String kind) {
            Matcher string = STRING.matcher(sql);
            if (kind.equals("text") && string.matches()) {
                return JsText.string(string.group(1).replace("''", "'"));
            }
            if ((kind.equals("integer") || kind.equals("real")) && INTEGER.matcher(sql).matches()
                    || kind.equals("real") && DECIMAL.matcher(sql).matches()) {
                return sql;
            }
            usesSql[0] = true;
            return JsText.sql(sql);
        }

        /** A single-column reference to another table goes on the column; the rest are table-level foreignKey(). */
        private void foreignKey(ForeignKey key, Map<String, String> inline, List<String> extra) {
            Map<String, String> target = keys.get(key.tableTo());
            if (target == null || !key.columnsTo().stream().allMatch(target::containsKey)) {
                notes.add(table.name() + ": the foreign key (" + String.join(", ", key.columnsFrom()) + ") references "
                        + key.tableTo() + "(" + String.join(", ", key.columnsTo()) + "), which the database does not"
                        + " have; left out (drizzle refers only to tables the schema declares)");
                return;
            }
            String options = actions(key, true);
            boolean defaultName = key.name().equals(DefaultNames.foreignKey(table.name(), key.columnsFrom(),
                    key.tableTo(), key.columnsTo()));
            if (key.columnsFrom().size() == 1 && !key.tableTo().equals(table.name()) && defaultName
                    && !inline.containsKey(key.columnsFrom().get(0))) {
                inline.put(key.columnsFrom().get(0), ".references(() => " + tableNames.get(key.tableTo()) + "."
                        + target.get(key.columnsTo().get(0)) + (options.isEmpty() ? "" : ", { " + options + " }") + ")");
                return;
            }
            core.add("foreignKey");
            String parent = key.tableTo().equals(table.name()) ? "t" : tableNames.get(key.tableTo());
            extra.add("foreignKey({ " + (defaultName ? "" : "name: " + JsText.string(key.name()) + ", ")
                    + "columns: [" + columns(table.name(), key.columnsFrom()) + "], foreignColumns: ["
                    + key.columnsTo().stream().map(c -> parent + "." + target.get(c)).collect(Collectors.joining(", "))
                    + "] })" + actions(key, false));
        }

        /** ON DELETE / ON UPDATE other than drizzle's default, as options or as calls. */
        private static String actions(ForeignKey key, boolean asOptions) {
            List<String> parts = new ArrayList<>();
            if (!key.onDelete().equals("no action")) {
                parts.add(asOptions ? "onDelete: " + JsText.string(key.onDelete())
                        : ".onDelete(" + JsText.string(key.onDelete()) + ")");
            }
            if (!key.onUpdate().equals("no action")) {
                parts.add(asOptions ? "onUpdate: " + JsText.string(key.onUpdate())
                        : ".onUpdate(" + JsText.string(key.onUpdate()) + ")");
            }
            return String.join(asOptions ? ", " : "", parts);
        }

        private String index(Index index) {
            String builder = index.unique() ? "uniqueIndex" : "index";
            core.add(builder);
            String on = index.columns().stream().map(c -> {
                if (!c.expression() && keys.get(table.name()).containsKey(c.value())) {
                    return "t." + keys.get(table.name()).get(c.value());
                }
                usesSql[0] = true;
                return JsText.sql(c.expression() ? c.value() : io.writerflow.maven.sql.SqlQuoting.identifier(c.value()));
            }).collect(Collectors.joining(", "));
            Optional<String> where = index.where().map(w -> {
                usesSql[0] = true;
                return ".where(" + JsText.sql(w) + ")";
            });
            return builder + "(" + JsText.string(index.name()) + ").on(" + on + ")" + where.orElse("");
        }

        private String columns(String tableName, List<String> names) {
            Map<String, String> byColumn = keys.get(tableName);
            return names.stream().map(n -> "t." + byColumn.get(n)).collect(Collectors.joining(", "));
        }
    }

    /** A generated column's expression without the parentheses drizzle puts back around it. */
    static String unwrap(String as) {
        String s = as.strip();
        return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1) : s;
    }
}
