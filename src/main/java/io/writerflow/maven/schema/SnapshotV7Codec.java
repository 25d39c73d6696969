package io.writerflow.maven.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Column.DefaultValue;
import io.writerflow.maven.schema.Column.Generated;
import io.writerflow.maven.schema.Index.IndexColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and writes drizzle-kit 1.0's SQLite snapshot ({@code <folder>/snapshot.json}, version "7"):
 * {@code {"version","dialect","id","prevIds","ddl","renames"}}, where {@code ddl} is a flat list of entities,
 * each with an {@code entityType}, written in drizzle-kit's order with {@code JSON.stringify(..., 2)}.
 *
 * <p>Into the same model as version "6", with drizzle-kit 0.31's spelling where the two differ, so that the
 * diff, the planner and drift need not know which version a snapshot was: a primary key over one column is
 * that column's {@code primaryKey} (NOT NULL, as drizzle-orm makes it), unnamed foreign and primary keys get
 * 0.31's default names, referential actions are lowercase. Writing turns each back; a name equal to 0.31's
 * default is written as 1.0's default with {@code nameExplicit: false}. What 1.0 models differently in
 * substance (UNIQUE as a constraint, CHECK without the table's name) is {@link DrizzleKit1Schema}'s job.
 */
public final class SnapshotV7Codec {

    static final String VERSION = "7";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What drizzle-kit 0.31 stored as a JSON number or boolean rather than a string. */
    private static final Pattern JSON_LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false");

    private SnapshotV7Codec() {
    }

    public static Snapshot read(String json, String displayName) {
        return read(JsonFiles.parse(json, displayName), displayName);
    }

    static Snapshot read(JsonNode root, String displayName) {
        if (root == null || !root.isObject() || !root.path("ddl").isArray()) {
            throw notASnapshot(displayName, "no \"ddl\" array");
        }
        String dialect = root.path("dialect").asText("");
        if (!dialect.equals("sqlite") && !dialect.equals("turso")) {
            throw new WriterflowException(displayName + ": dialect \"" + dialect + "\" is not SQLite.",
                    "Point writerflow.out at the migrations of the SQLite/Turso database.");
        }
        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        JsonNode ddl = root.path("ddl");
        for (int i = 0; i < ddl.size(); i++) {
            JsonNode entity = ddl.get(i);
            if (!entity.isObject() || !entity.path("entityType").isTextual() || !entity.path("name").isTextual()) {
                throw notASnapshot(displayName, "ddl[" + i + "] has no \"entityType\" and \"name\"");
            }
            byType.computeIfAbsent(entity.path("entityType").textValue(), t -> new ArrayList<>()).add(entity);
        }
        List<Table> tables = new ArrayList<>();
        for (JsonNode table : byType.getOrDefault("tables", List.of())) {
            tables.add(table(table.path("name").textValue(), byType));
        }
        List<View> views = byType.getOrDefault("views", List.of()).stream()
                .map(v -> new View(v.path("name").textValue(), List.of(),
                        Optional.ofNullable(SnapshotCodec.text(v, "definition")), v.path("isExisting").asBoolean()))
                .toList();
        List<String> prevIds = SnapshotCodec.stringList(root.path("prevIds"));
        return new Snapshot(root.path("id").asText(), prevIds, new Schema(tables, views),
                renames(root.path("renames")));
    }

    private static Table table(String name, Map<String, List<JsonNode>> byType) {
        List<JsonNode> pks = of(byType, "pks", name);
        Optional<String> singleKey = pks.stream().filter(p -> p.path("columns").size() == 1)
                .map(p -> p.path("columns").get(0).asText()).findFirst();
        List<Column> columns = of(byType, "columns", name).stream()
                .map(c -> column(c, singleKey.filter(c.path("name").textValue()::equals).isPresent()))
                .toList();
        List<PrimaryKey> composite = pks.stream().filter(p -> p.path("columns").size() > 1)
                .map(p -> {
                    List<String> keyColumns = SnapshotCodec.stringList(p.path("columns"));
                    return new PrimaryKey(Optional.of(p.path("nameExplicit").asBoolean()
                            ? p.path("name").textValue() : DefaultNames.primaryKey(name, keyColumns)), keyColumns);
                }).toList();
        return new Table(name, columns,
                list(byType, "indexes", name, SnapshotV7Codec::index),
                list(byType, "fks", name, f -> foreignKey(name, f)),
                composite,
                list(byType, "uniques", name, u -> new Unique(u.path("name").textValue(),
                        SnapshotCodec.stringList(u.path("columns")))),
                list(byType, "checks", name, c -> new Check(c.path("name").textValue(), c.path("value").asText())));
    }

    /** @param key the table's primary key is this column alone: drizzle-orm makes it NOT NULL, 1.0 writes false */
    private static Column column(JsonNode c, boolean key) {
        String def = SnapshotCodec.text(c, "default");
        JsonNode gen = c.get("generated");
        return new Column(c.path("name").textValue(), c.path("type").asText(), key, key || c.path("notNull").asBoolean(),
                c.path("autoincrement").asBoolean(false),
                Optional.ofNullable(def).map(d -> new DefaultValue(d, JSON_LITERAL.matcher(d).matches())),
                gen == null || gen.isNull() ? Optional.empty()
                        : Optional.of(new Generated(gen.path("as").asText(), gen.path("type").asText())));
    }

    private static Index index(JsonNode i) {
        return new Index(i.path("name").textValue(),
                SnapshotCodec.list(i.path("columns"), c -> new IndexColumn(c.path("value").asText(),
                        c.path("isExpression").asBoolean())),
                i.path("isUnique").asBoolean(), Optional.ofNullable(SnapshotCodec.text(i, "where")));
    }

    private static ForeignKey foreignKey(String table, JsonNode f) {
        List<String> columns = SnapshotCodec.stringList(f.path("columns"));
        List<String> columnsTo = SnapshotCodec.stringList(f.path("columnsTo"));
        String tableTo = f.path("tableTo").asText();
        String name = f.path("nameExplicit").asBoolean() ? f.path("name").textValue()
                : DefaultNames.foreignKey(table, columns, tableTo, columnsTo);
        return new ForeignKey(name, table, columns, tableTo, columnsTo,
                f.path("onUpdate").asText("no action").toLowerCase(Locale.ROOT),
                f.path("onDelete").asText("no action").toLowerCase(Locale.ROOT));
    }

    /** {@code "old->new"} for a table, {@code "table.old->table.new"} for a column. */
    private static Snapshot.Renames renames(JsonNode renames) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        for (String rename : SnapshotCodec.stringList(renames)) {
            int arrow = rename.indexOf("->");
            if (arrow < 0) {
                continue;
            }
            String from = rename.substring(0, arrow);
            String to = rename.substring(arrow + 2);
            if (from.contains(".") && to.contains(".")) {
                columns.put(quoted(from), quoted(to));
            } else {
                tables.put(quoted(from), quoted(to));
            }
        }
        return new Snapshot.Renames(tables, columns);
    }

    private static String quoted(String dotted) {
        return "\"" + dotted.replace(".", "\".\"") + "\"";
    }

    private static String unquoted(String quoted) {
        return quoted.replace("\".\"", ".").replaceAll("^\"|\"$", "");
    }

    private static List<JsonNode> of(Map<String, List<JsonNode>> byType, String type, String table) {
        return byType.getOrDefault(type, List.of()).stream().filter(e -> table.equals(e.path("table").asText()))
                .toList();
    }

    private static <T> List<T> list(Map<String, List<JsonNode>> byType, String type, String table,
            Function<JsonNode, T> read) {
        return of(byType, type, table).stream().map(read).toList();
    }

    private static WriterflowException notASnapshot(String displayName, String problem) {
        return new WriterflowException(displayName + ": not a drizzle-kit 1.0 snapshot (" + problem + ").",
                "Restore the file from version control.");
    }

    /** What {@link #write} gives with {@code id}, from what it gave with an empty one (see SnapshotCodec#withId). */
    public static String withId(String json, String id) {
        return SnapshotCodec.withId(json, VERSION, id);
    }

    public static String write(Snapshot snapshot) {
        ObjectNode root = NODES.objectNode();
        root.put("version", VERSION);
        root.put("dialect", "sqlite");
        root.put("id", snapshot.id());
        snapshot.prevIds().forEach(root.putArray("prevIds")::add);
        ArrayNode ddl = root.putArray("ddl");
        List<Table> tables = snapshot.schema().tables();
        // drizzle-kit lists entities by type, each type in table order
        tables.forEach(t -> entity(ddl, "tables").put("name", t.name()));
        tables.forEach(t -> t.columns().forEach(c -> column(ddl, t, c)));
        tables.forEach(t -> t.indexes().forEach(i -> index(ddl, t, i)));
        tables.forEach(t -> t.foreignKeys().forEach(f -> foreignKey(ddl, t, f)));
        // primary keys declared on the table first, then those of a column, as drizzle-kit collects them
        tables.forEach(t -> t.compositePrimaryKeys().forEach(p -> {
            String name = p.name().filter(n -> !n.equals(DefaultNames.primaryKey(t.name(), p.columns())))
                    .orElse(null);
            key(ddl, "pks", t, name != null ? name : DefaultNames.primaryKeyV7(t.name()), p.columns(), name != null);
        }));
        tables.forEach(t -> t.columns().stream().filter(Column::primaryKey).findFirst().ifPresent(c ->
                key(ddl, "pks", t, DefaultNames.primaryKeyV7(t.name()), List.of(c.name()), false)));
        tables.forEach(t -> t.uniqueConstraints().forEach(u -> key(ddl, "uniques", t, u.name(), u.columns(),
                !u.name().equals(DefaultNames.unique(t.name(), u.columns())))));
        tables.forEach(t -> t.checks().forEach(c -> {
            ObjectNode check = entity(ddl, "checks", t);
            check.put("name", c.name());
            check.put("value", c.value());
        }));
        snapshot.schema().views().forEach(v -> {
            ObjectNode view = entity(ddl, "views");
            view.put("name", v.name());
            view.put("definition", v.existing() ? null : v.definition().orElse(null));
            view.put("isExisting", v.existing());
            view.putNull("error");
        });
        ArrayNode renames = root.putArray("renames");
        snapshot.renames().tables().forEach((from, to) -> renames.add(unquoted(from) + "->" + unquoted(to)));
        snapshot.renames().columns().forEach((from, to) -> renames.add(unquoted(from) + "->" + unquoted(to)));
        return JsStyleJson.write(fixEntityTypeLast(root));
    }

    private static void column(ArrayNode ddl, Table t, Column c) {
        ObjectNode column = entity(ddl, "columns", t);
        column.put("name", c.name());
        column.put("type", c.type());
        // drizzle-kit 1.0 writes a key column's NOT NULL as false: the PRIMARY KEY implies it
        column.put("notNull", c.notNull() && !c.primaryKey());
        column.put("autoincrement", c.autoincrement());
        column.put("default", c.defaultValue().map(DefaultValue::sql).orElse(null));
        c.generated().ifPresentOrElse(g -> {
            ObjectNode generated = column.putObject("generated");
            generated.put("as", g.as());
            generated.put("type", g.type());
        }, () -> column.putNull("generated"));
    }

    private static void index(ArrayNode ddl, Table t, Index i) {
        ObjectNode index = entity(ddl, "indexes", t);
        index.put("name", i.name());
        ArrayNode columns = index.putArray("columns");
        i.columns().forEach(c -> columns.addObject().put("value", c.value()).put("isExpression", c.expression()));
        index.put("isUnique", i.unique());
        index.put("where", i.where().orElse(null));
        index.put("origin", "manual");
    }

    private static void foreignKey(ArrayNode ddl, Table t, ForeignKey f) {
        ObjectNode fk = entity(ddl, "fks", t);
        boolean explicit = !f.name().equals(DefaultNames.foreignKey(t.name(), f.columnsFrom(), f.tableTo(),
                f.columnsTo()));
        fk.put("name", explicit ? f.name() : DefaultNames.foreignKeyV7(t.name(), f.columnsFrom(), f.tableTo(),
                f.columnsTo()));
        f.columnsFrom().forEach(fk.putArray("columns")::add);
        fk.put("tableTo", f.tableTo());
        f.columnsTo().forEach(fk.putArray("columnsTo")::add);
        fk.put("onUpdate", f.onUpdate().toUpperCase(Locale.ROOT));
        fk.put("onDelete", f.onDelete().toUpperCase(Locale.ROOT));
        fk.put("nameExplicit", explicit);
    }

    private static void key(ArrayNode ddl, String type, Table t, String name, List<String> columns, boolean explicit) {
        ObjectNode key = entity(ddl, type, t);
        key.put("name", name);
        columns.forEach(key.putArray("columns")::add);
        key.put("nameExplicit", explicit);
    }

    private static ObjectNode entity(ArrayNode ddl, String type) {
        return ddl.addObject().put("entityType", type);
    }

    private static ObjectNode entity(ArrayNode ddl, String type, Table table) {
        return entity(ddl, type).put("table", table.name());
    }

    /**
     * drizzle-kit writes {@code entityType} as each entity's last key; the entities above are built with it
     * first so that it is never forgotten, and moved here.
     */
    private static ObjectNode fixEntityTypeLast(ObjectNode root) {
        for (JsonNode entity : root.path("ddl")) {
            ObjectNode object = (ObjectNode) entity;
            JsonNode type = object.remove("entityType");
            object.set("entityType", type);
        }
        return root;
    }
}
