package io.writerflow.maven.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Column.DefaultValue;
import io.writerflow.maven.schema.Column.Generated;
import io.writerflow.maven.schema.Index.IndexColumn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes drizzle-kit's SQLite snapshot format (version "6"), byte for byte as drizzle-kit 0.31
 * writes it: the same key order, {@code JSON.stringify(..., 2)} layout and no final newline.
 */
public final class SnapshotCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SnapshotCodec() {
    }

    public static Snapshot read(String json) {
        return read(json, "snapshot");
    }

    /** @param displayName the file, named in errors */
    public static Snapshot read(String json, String displayName) {
        return read(JsonFiles.parse(json, displayName), displayName);
    }

    /** A snapshot already parsed, e.g. by {@link SnapshotFormat#read}, which looked at its version first. */
    static Snapshot read(JsonNode root, String displayName) {
        if (root == null || !root.isObject() || !root.path("tables").isObject()) {
            throw new WriterflowException(displayName + ": not a drizzle-kit snapshot (no \"tables\" object).",
                    "Restore the file from version control.");
        }
        String version = root.path("version").asText("");
        String dialect = root.path("dialect").asText("");
        if (!dialect.equals("sqlite") && !dialect.equals("turso")) {
            throw new WriterflowException(displayName + ": dialect \"" + dialect + "\" is not SQLite.",
                    "Point writerflow.out at the migrations of the SQLite/Turso database.");
        }
        if (!version.equals("6")) {
            throw new WriterflowException(displayName + ": snapshot version \"" + version
                    + "\" is not supported (drizzle-kit 0.31 writes \"6\", drizzle-kit 1.0 \"7\").",
                    "Upgrade the snapshots with 'npx drizzle-kit up', then run generate again.");
        }
        JsonNode expressions = root.path("internal").path("indexes");
        List<Table> tables = new ArrayList<>();
        root.path("tables").forEach(t -> tables.add(table(t, expressions)));
        List<View> views = new ArrayList<>();
        root.path("views").forEach(v -> views.add(new View(v.path("name").asText(), list(v.path("columns"),
                SnapshotCodec::column), Optional.ofNullable(text(v, "definition")), v.path("isExisting").asBoolean())));
        JsonNode meta = root.path("_meta");
        return new Snapshot(root.path("id").asText(), root.path("prevId").asText(), new Schema(tables, views),
                new Snapshot.Renames(strings(meta.path("tables")), strings(meta.path("columns"))));
    }

    private static Table table(JsonNode t, JsonNode expressions) {
        String name = t.path("name").asText();
        return new Table(name,
                list(t.path("columns"), SnapshotCodec::column),
                list(t.path("indexes"), i -> index(i, expressions.path(i.path("name").asText()).path("columns"))),
                list(t.path("foreignKeys"), f -> new ForeignKey(f.path("name").asText(), f.path("tableFrom").asText(),
                        stringList(f.path("columnsFrom")), f.path("tableTo").asText(), stringList(f.path("columnsTo")),
                        f.path("onUpdate").asText("no action"), f.path("onDelete").asText("no action"))),
                list(t.path("compositePrimaryKeys"), p -> new PrimaryKey(Optional.ofNullable(text(p, "name")),
                        stringList(p.path("columns")))),
                list(t.path("uniqueConstraints"), u -> new Unique(u.path("name").asText(), stringList(u.path("columns")))),
                list(t.path("checkConstraints"), c -> new Check(c.path("name").asText(), c.path("value").asText())));
    }

    private static Column column(JsonNode c) {
        JsonNode def = c.get("default");
        Optional<DefaultValue> defaultValue = def == null || def.isNull() ? Optional.empty()
                : Optional.of(def.isTextual() ? new DefaultValue(def.textValue(), false)
                : new DefaultValue(def.isNumber() ? jsNumber(def) : def.isBoolean() ? def.asText() : def.toString(),
                true));
        JsonNode gen = c.get("generated");
        Optional<Generated> generated = gen == null || gen.isNull() ? Optional.empty()
                : Optional.of(new Generated(gen.path("as").asText(), gen.path("type").asText()));
        return new Column(c.path("name").asText(), c.path("type").asText(), c.path("primaryKey").asBoolean(),
                c.path("notNull").asBoolean(), c.path("autoincrement").asBoolean(), defaultValue, generated);
    }

    /** A number as JavaScript prints it: integers without a fraction, others in shortest form. */
    private static String jsNumber(JsonNode number) {
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
    }

    private static Index index(JsonNode i, JsonNode expressionColumns) {
        List<IndexColumn> columns = new ArrayList<>();
        i.path("columns").forEach(c -> columns.add(new IndexColumn(c.asText(),
                expressionColumns.path(c.asText()).path("isExpression").asBoolean(false))));
        return new Index(i.path("name").asText(), columns, i.path("isUnique").asBoolean(),
                Optional.ofNullable(text(i, "where")));
    }

    /**
     * What {@link #write} gives for the same snapshot with {@code id}, from what it gave with an empty id: the id
     * is the third key of the document, on its own line, before any table. Saves writing a snapshot twice
     * when its id is derived from its content.
     */
    public static String withId(String json, String id) {
        return withId(json, "6", id);
    }

    /** {@link #withId(String, String)} for a snapshot of either version: both start with version, dialect and id. */
    static String withId(String json, String version, String id) {
        String empty = "{\n  \"version\": \"" + version + "\",\n  \"dialect\": \"sqlite\",\n  \"id\": \"\",\n";
        if (!json.startsWith(empty)) {
            throw new IllegalArgumentException("not a snapshot written with an empty id");
        }
        StringBuilder named = new StringBuilder(json.length() + id.length());
        JsStyleJson.string(id, named.append(empty, 0, empty.length() - 4));
        return named.append(",\n").append(json, empty.length(), json.length()).toString();
    }

    public static String write(Snapshot snapshot) {
        ObjectNode root = NODES.objectNode();
        root.put("version", "6");
        root.put("dialect", "sqlite");
        root.put("id", snapshot.id());
        root.put("prevId", snapshot.prevId());
        ObjectNode tables = root.putObject("tables");
        ObjectNode expressions = NODES.objectNode();
        for (Table table : snapshot.schema().tables()) {
            tables.set(table.name(), table(table, expressions));
        }
        ObjectNode views = root.putObject("views");
        for (View view : snapshot.schema().views()) {
            ObjectNode v = views.putObject(view.name());
            ObjectNode columns = v.putObject("columns");
            view.columns().forEach(c -> columns.set(c.name(), column(c)));
            v.put("name", view.name());
            v.put("isExisting", view.existing());
            view.definition().ifPresent(d -> v.put("definition", d));
        }
        root.putObject("enums");
        ObjectNode meta = root.putObject("_meta");
        meta.putObject("schemas");
        ObjectNode renamedTables = meta.putObject("tables");
        snapshot.renames().tables().forEach(renamedTables::put);
        ObjectNode renamedColumns = meta.putObject("columns");
        snapshot.renames().columns().forEach(renamedColumns::put);
        root.putObject("internal").set("indexes", expressions);
        return JsStyleJson.write(root);
    }

    private static ObjectNode table(Table table, ObjectNode expressions) {
        ObjectNode t = NODES.objectNode();
        t.put("name", table.name());
        ObjectNode columns = t.putObject("columns");
        table.columns().forEach(c -> columns.set(c.name(), column(c)));
        ObjectNode indexes = t.putObject("indexes");
        for (Index index : table.indexes()) {
            ObjectNode i = indexes.putObject(index.name());
            i.put("name", index.name());
            ArrayNode cols = i.putArray("columns");
            index.columns().forEach(c -> cols.add(c.value()));
            i.put("isUnique", index.unique());
            index.where().ifPresent(w -> i.put("where", w));
            List<IndexColumn> expressionColumns = index.columns().stream().filter(IndexColumn::expression).toList();
            if (!expressionColumns.isEmpty()) {
                ObjectNode flags = expressions.putObject(index.name()).putObject("columns");
                expressionColumns.forEach(c -> flags.putObject(c.value()).put("isExpression", true));
            }
        }
        ObjectNode foreignKeys = t.putObject("foreignKeys");
        for (ForeignKey fk : table.foreignKeys()) {
            ObjectNode f = foreignKeys.putObject(fk.name());
            f.put("name", fk.name());
            f.put("tableFrom", fk.tableFrom());
            f.put("tableTo", fk.tableTo());
            fk.columnsFrom().forEach(f.putArray("columnsFrom")::add);
            fk.columnsTo().forEach(f.putArray("columnsTo")::add);
            f.put("onDelete", fk.onDelete());
            f.put("onUpdate", fk.onUpdate());
        }
        ObjectNode primaryKeys = t.putObject("compositePrimaryKeys");
        for (PrimaryKey pk : table.compositePrimaryKeys()) {
            String name = pk.name().orElse(DefaultNames.primaryKey(table.name(), pk.columns()));
            ObjectNode p = primaryKeys.putObject(name);
            pk.columns().forEach(p.putArray("columns")::add);
            pk.name().ifPresent(n -> p.put("name", n));
        }
        ObjectNode uniques = t.putObject("uniqueConstraints");
        for (Unique unique : table.uniqueConstraints()) {
            ObjectNode u = uniques.putObject(unique.name());
            u.put("name", unique.name());
            unique.columns().forEach(u.putArray("columns")::add);
        }
        ObjectNode checks = t.putObject("checkConstraints");
        for (Check check : table.checks()) {
            ObjectNode c = checks.putObject(check.name());
            c.put("name", check.name());
            c.put("value", check.value());
        }
        return t;
    }

    private static ObjectNode column(Column column) {
        ObjectNode c = NODES.objectNode();
        c.put("name", column.name());
        c.put("type", column.type());
        c.put("primaryKey", column.primaryKey());
        c.put("notNull", column.notNull());
        c.put("autoincrement", column.autoincrement());
        column.generated().ifPresent(g -> {
            ObjectNode generated = c.putObject("generated");
            generated.put("as", g.as());
            generated.put("type", g.type());
        });
        column.defaultValue().ifPresent(d -> {
            if (!d.jsonLiteral()) {
                c.put("default", d.sql());
            } else {
                try {
                    c.set("default", JsonFiles.parse(d.sql(), "a JSON default"));
                } catch (WriterflowException e) {
                    c.put("default", d.sql());
                }
            }
        });
        return c;
    }

    static <T> List<T> list(JsonNode object, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        object.forEach(node -> items.add(read.apply(node)));
        return items;
    }

    static List<String> stringList(JsonNode array) {
        return list(array, JsonNode::asText);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
