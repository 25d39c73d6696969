// writerflow's stand-in for drizzle-orm's views and the select query builder they are declared with, part of
// the drizzle-orm stand-in (see recorder.js, whose SQL core this builds on):
//
//   sqliteView("name").as((qb) => qb.select({ ... }).from(t).leftJoin(...).where(...).groupBy(...) ...)
//   sqliteView("name", { ...columns }).as(sql`select ...`) and .existing()
//
// A view's definition is the SQL drizzle's query builder builds (SQLiteDialect.buildSelectQuery in
// sqlite-core/dialect.js), which drizzle-kit renders with its own dialect and with the values inlined
// (ViewBuilder.as calls getSQL().inlineParams()). This module builds the same chunks the same way: the
// select list is fixed when the view is declared (names as `"col"` for one table, `"table"."col"` with
// joins, by the query builder's own casing, which is none), while the columns inside conditions, GROUP BY,
// ORDER BY and HAVING stay columns until the snapshot renders them with drizzle-kit's casing. What drizzle
// wraps in proxies (alias(), subqueries, a view's fields) is wrapped here in proxies that behave the same,
// so that a column read through them renders with the alias's name.
import {
  Aliased,
  Column,
  Name,
  SQL,
  SQLiteTable,
  SQLiteView,
  Subquery,
  TABLE,
  VIEW,
  buildTable,
  callSite,
  capture,
  columnCasing,
  describe,
  invalid,
  located,
  rejectForeign,
  sql,
  trapUnknownMembers,
} from "./recorder.js";

// ---------------------------------------------------------------------------------------------------------
// Proxies (alias.js, selection-proxy.js)

/** A column read through an alias: the same column, whose table is the alias. */
class ColumnAliasHandler {
  constructor(table) {
    this.table = table;
  }

  get(column, prop) {
    return prop === "table" ? this.table : column[prop];
  }
}

/** drizzle's TableAliasProxyHandler: a table (or view) under another name. */
class TableAliasHandler {
  constructor(alias, replaceOriginalName) {
    this.alias = alias;
    this.replaceOriginalName = replaceOriginalName;
  }

  get(target, prop, receiver) {
    if (prop === TABLE) {
      // a view's columns can belong to the view itself when it is aliased in turn; it names them alone
      const config = target[TABLE] ?? { originalName: undefined, baseName: undefined, columns: {} };
      const columns = {};
      for (const key of Object.keys(config.columns)) {
        columns[key] = new Proxy(config.columns[key], new ColumnAliasHandler(receiver));
      }
      return {
        ...config,
        name: this.alias,
        originalName: this.replaceOriginalName ? this.alias : config.originalName,
        isAlias: true,
        columns,
      };
    }
    if (prop === VIEW) {
      const config = target[VIEW];
      return config === undefined ? undefined : { ...config, name: this.alias, isAlias: true };
    }
    const value = target[prop];
    return value instanceof Column ? new Proxy(value, new ColumnAliasHandler(receiver)) : value;
  }
}

/**
 * drizzle's SelectionProxyHandler: the fields of a selection (a subquery's, a view's, or the callback
 * argument of where/having/groupBy/orderBy/join), whose columns take the alias and whose sql`` fields
 * are read as configured: "sql" (the expression), "alias" (its alias alone) or "error" (unaliased sql``).
 */
class SelectionProxyHandler {
  constructor(config) {
    this.config = { ...config };
  }

  get(subject, prop) {
    if (prop === "_") {
      return { ...subject._, selectedFields: new Proxy(subject._.selectedFields, this) };
    }
    if (prop === VIEW) {
      return { ...subject[VIEW], selectedFields: new Proxy(subject[VIEW].selectedFields, this) };
    }
    if (typeof prop === "symbol") return subject[prop];
    const columns = subject instanceof Subquery ? subject._.selectedFields
        : subject instanceof SQLiteView ? subject[VIEW].selectedFields : subject;
    const value = columns[prop];
    if (value instanceof Aliased) {
      if (this.config.sqlAliasedBehavior === "sql" && !value.isSelectionField) return value.sql;
      const field = value.clone();
      field.isSelectionField = true;
      return field;
    }
    if (value instanceof SQL) {
      if (this.config.sqlBehavior === "sql") return value;
      // drizzle's own words, which is where drizzle-kit stops on such a view
      throw invalid(`the selected field "${prop}" is sql\`\` without an alias, which drizzle cannot read back `
          + `("You tried to reference "${prop}" field from a subquery, which is a raw SQL field, but it doesn't `
          + `have an alias declared"); name it: sql\`...\`.as("${prop}")`);
    }
    if (value instanceof Column) {
      if (!this.config.alias) return value;
      return new Proxy(value, new ColumnAliasHandler(new Proxy(value.table,
          new TableAliasHandler(this.config.alias, this.config.replaceOriginalName ?? false))));
    }
    if (typeof value !== "object" || value === null) return value;
    return new Proxy(value, new SelectionProxyHandler(this.config));
  }
}

/** alias(table, "name") from drizzle-orm/sqlite-core: the table under another name in a query. */
export function alias(table, name) {
  rejectForeign(name, "alias()");
  if (!(table instanceof SQLiteTable) && !(table instanceof SQLiteView)) {
    throw invalid(`alias() needs a table or a view as its first argument, got ${describe(table)}`, callSite());
  }
  if (typeof name !== "string" || name.length === 0) {
    throw invalid(`alias(${describe(table)}, ...) needs the alias as its second argument`, callSite());
  }
  return new Proxy(table, new TableAliasHandler(name, false));
}

// ---------------------------------------------------------------------------------------------------------
// Names of the things a query selects from (utils.js getTableLikeName, table.js getTableName)

function isSource(value) {
  return value instanceof SQLiteTable || value instanceof SQLiteView || value instanceof Subquery
      || value instanceof SQL;
}

/** getTableLikeName: how a query refers to a source, the key its columns get in a joined selection. */
function tableLikeName(source) {
  if (source instanceof Subquery) return source._.alias;
  if (source instanceof SQLiteView) return source[VIEW].name;
  if (source instanceof SQL) return undefined;
  const config = source[TABLE];
  return config.isAlias ? config.name : config.baseName;
}

function tableColumns(source) {
  return source[TABLE].columns;
}

// ---------------------------------------------------------------------------------------------------------
// The SQL of a select (SQLiteDialect in sqlite-core/dialect.js)

/**
 * orderSelectedFields (utils.js): the selection flattened to its fields with their paths, in key order;
 * a table in a selection stands for its columns.
 */
function orderSelectedFields(fields, pathPrefix) {
  return Object.entries(fields).reduce((result, [name, field]) => {
    const path = pathPrefix ? [...pathPrefix, name] : [name];
    if (field instanceof Column || field instanceof SQL || field instanceof Aliased || field instanceof Subquery) {
      result.push({ path, field });
    } else if (field instanceof SQLiteTable) {
      result.push(...orderSelectedFields(field[TABLE].columns, path));
    } else if (field !== null && typeof field === "object" && !(field instanceof SQLiteView)) {
      result.push(...orderSelectedFields(field, path));
    } else {
      throw invalid(`the selected field "${path.join(".")}" is ${describe(field)}, not a column, sql\`\` or an `
          + "object of them" + (field === undefined ? " (is the column name misspelled?)" : ""));
    }
    return result;
  }, []);
}

function join(chunks, separator) {
  return sql.join(chunks, separator);
}

/** The query builder's own dialect: its casing names the selected columns (drizzle-kit's does the rest). */
class SelectDialect {
  constructor(config) {
    this.casing = config && (config.casing === "snake_case" || config.casing === "camelCase") ? config.casing
        : undefined;
  }

  columnName(column) {
    return columnCasing(column, this.casing);
  }

  buildWithCTE(queries) {
    if (!queries || queries.length === 0) return undefined;
    const chunks = [sql`with `];
    queries.forEach((query, i) => {
      chunks.push(sql`${new Name(query._.alias)} as (${query._.sql})`);
      if (i < queries.length - 1) chunks.push(sql`, `);
    });
    chunks.push(sql` `);
    return join(chunks);
  }

  buildSelection(fields, { isSingleTable = false } = {}) {
    const chunks = fields.flatMap(({ field }, i) => {
      const chunk = [];
      if (field instanceof Aliased && field.isSelectionField) {
        chunk.push(new Name(field.fieldAlias));
      } else if (field instanceof Aliased || field instanceof SQL) {
        const query = field instanceof Aliased ? field.sql : field;
        if (isSingleTable) {
          // only the expression's own chunks: a column nested deeper keeps its table
          chunk.push(new SQL(query.queryChunks.map((c) => (c instanceof Column ? new Name(this.columnName(c)) : c))));
        } else {
          chunk.push(query);
        }
        if (field instanceof Aliased) chunk.push(sql` as ${new Name(field.fieldAlias)}`);
      } else if (field instanceof Column) {
        const tableName = field.table[TABLE].name;
        const name = new Name(this.columnName(field));
        const qualified = isSingleTable ? name : sql`${new Name(tableName)}.${name}`;
        chunk.push(field.selectedAsText ? sql`cast(${qualified} as text)` : qualified);
      } else if (field instanceof Subquery) {
        chunk.push(field);
      }
      if (i < fields.length - 1) chunk.push(sql`, `);
      return chunk;
    });
    return join(chunks);
  }

  buildJoins(joins) {
    if (!joins || joins.length === 0) return undefined;
    const chunks = [];
    joins.forEach((joinMeta, index) => {
      if (index === 0) chunks.push(sql` `);
      const table = joinMeta.table;
      const onSql = joinMeta.on ? sql` on ${joinMeta.on}` : undefined;
      if (table instanceof SQLiteTable) {
        const { name, originalName } = table[TABLE];
        const aliasName = name === originalName ? undefined : joinMeta.alias;
        const aliasSql = aliasName && sql` ${new Name(aliasName)}`;
        chunks.push(sql`${sql.raw(joinMeta.joinType)} join ${new Name(originalName)}${aliasSql}${onSql}`);
      } else {
        chunks.push(sql`${sql.raw(joinMeta.joinType)} join ${table}${onSql}`);
      }
      if (index < joins.length - 1) chunks.push(sql` `);
    });
    return join(chunks);
  }

  buildLimit(limit) {
    return typeof limit === "object" || (typeof limit === "number" && limit >= 0) ? sql` limit ${limit}` : undefined;
  }

  buildOrderBy(orderBy) {
    const list = [];
    (orderBy ?? []).forEach((value, index) => {
      list.push(value);
      if (index < orderBy.length - 1) list.push(sql`, `);
    });
    return list.length > 0 ? sql` order by ${join(list)}` : undefined;
  }

  buildFromTable(table) {
    if (table instanceof SQLiteTable && table[TABLE].isAlias) {
      return sql`${new Name(table[TABLE].originalName)} ${new Name(table[TABLE].name)}`;
    }
    return table;
  }

  /** drizzle's check that every selected column's table is in the query (else SQLite fails on the view). */
  checkSelectedTables(fieldsList, table, joins) {
    const fromName = table instanceof Subquery ? table._.alias : table instanceof SQLiteView ? table[VIEW].name
        : table instanceof SQL ? undefined : table[TABLE].name;
    for (const { path, field } of fieldsList) {
      if (!(field instanceof Column)) continue;
      const owner = field.table[TABLE];
      const joined = (joins ?? []).some(({ alias: name }) => name === (owner.isAlias ? owner.name : owner.baseName));
      if (owner.name !== fromName && !joined) {
        throw invalid(`Your "${path.join("->")}" field references a column "${owner.name}"."${field.name}", but `
            + `the table "${owner.name}" is not part of the query! Did you forget to join it?`);
      }
    }
  }

  buildSelectQuery({ withList, fields, where, having, table, joins, orderBy, groupBy, limit, offset, distinct,
    setOperators }) {
    const fieldsList = orderSelectedFields(fields);
    this.checkSelectedTables(fieldsList, table, joins);
    const isSingleTable = !joins || joins.length === 0;
    const withSql = this.buildWithCTE(withList);
    const distinctSql = distinct ? sql` distinct` : undefined;
    const selection = this.buildSelection(fieldsList, { isSingleTable });
    const tableSql = this.buildFromTable(table);
    const joinsSql = this.buildJoins(joins);
    const whereSql = where ? sql` where ${where}` : undefined;
    const havingSql = having ? sql` having ${having}` : undefined;
    const groupByList = [];
    (groupBy ?? []).forEach((value, index) => {
      groupByList.push(value);
      if (index < groupBy.length - 1) groupByList.push(sql`, `);
    });
    const groupBySql = groupByList.length > 0 ? sql` group by ${join(groupByList)}` : undefined;
    const orderBySql = this.buildOrderBy(orderBy);
    const limitSql = this.buildLimit(limit);
    const offsetSql = offset ? sql` offset ${offset}` : undefined;
    const finalQuery = sql`${withSql}select${distinctSql} ${selection} from ${tableSql}${joinsSql}${whereSql}${
      groupBySql}${havingSql}${orderBySql}${limitSql}${offsetSql}`;
    return setOperators.length > 0 ? this.buildSetOperations(finalQuery, setOperators) : finalQuery;
  }

  buildSetOperations(leftSelect, setOperators) {
    const [setOperator, ...rest] = setOperators;
    const query = this.buildSetOperationQuery(leftSelect, setOperator);
    return rest.length === 0 ? query : this.buildSetOperations(query, rest);
  }

  buildSetOperationQuery(leftSelect, { type, isAll, rightSelect, limit, orderBy, offset }) {
    const leftChunk = sql`${leftSelect.getSQL()} `;
    const rightChunk = sql`${rightSelect.getSQL()}`;
    let orderBySql;
    if (orderBy && orderBy.length > 0) {
      const values = [];
      for (const single of orderBy) {
        if (single instanceof Column) {
          values.push(new Name(single.name));
        } else if (single instanceof SQL) {
          // drizzle names the columns in place, without their tables
          single.queryChunks.forEach((chunk, i) => {
            if (chunk instanceof Column) single.queryChunks[i] = new Name(this.columnName(chunk));
          });
          values.push(sql`${single}`);
        } else {
          values.push(sql`${single}`);
        }
      }
      orderBySql = sql` order by ${join(values, sql`, `)}`;
    }
    const limitSql = this.buildLimit(limit);
    const operatorChunk = sql.raw(`${type} ${isAll ? "all " : ""}`);
    const offsetSql = offset ? sql` offset ${offset}` : undefined;
    return sql`${leftChunk}${operatorChunk}${rightChunk}${orderBySql}${limitSql}${offsetSql}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The query builder (sqlite-core/query-builders/query-builder.js, select.js)

function checkFields(fields, label) {
  if (fields !== undefined && (fields === null || typeof fields !== "object" || Array.isArray(fields))) {
    throw invalid(`${label}() takes the selected fields as an object, { id: users.id, ... }; got ${describe(fields)}`,
        callSite());
  }
}

/** new QueryBuilder(), or the qb of sqliteView(name).as((qb) => ...). */
export class QueryBuilder {
  constructor(config) {
    this.dialect = new SelectDialect(config);
    // an arrow property, as in drizzle: const { $with } = qb works
    this.$with = (aliasName, selection) => ({
      as: (qb) => located(() => {
        const query = typeof qb === "function" ? qb(this) : qb;
        if (!(query instanceof Select) && !(query instanceof SQL)) {
          throw invalid(`$with("${aliasName}").as() needs a select or sql\`\`, got ${describe(query)}`);
        }
        const fields = selection ?? (query instanceof Select ? query.getSelectedFields() ?? {} : {});
        return new Proxy(new WithSubquery(query.getSQL(), fields, aliasName, true),
            new SelectionProxyHandler({ alias: aliasName, sqlAliasedBehavior: "alias", sqlBehavior: "error" }));
      }),
    });
  }

  with(...queries) {
    const select = (fields) => {
      checkFields(fields, "select");
      return new SelectBuilder({ fields, dialect: this.dialect, withList: queries, distinct: false });
    };
    const selectDistinct = (fields) => {
      checkFields(fields, "selectDistinct");
      return new SelectBuilder({ fields, dialect: this.dialect, withList: queries, distinct: true });
    };
    return { select, selectDistinct };
  }

  select(fields) {
    checkFields(fields, "select");
    return new SelectBuilder({ fields, dialect: this.dialect, withList: undefined, distinct: false });
  }

  selectDistinct(fields) {
    checkFields(fields, "selectDistinct");
    return new SelectBuilder({ fields, dialect: this.dialect, withList: undefined, distinct: true });
  }
}

class WithSubquery extends Subquery {}

class SelectBuilder {
  constructor({ fields, dialect, withList, distinct }) {
    this.fields = fields;
    this.dialect = dialect;
    this.withList = withList;
    this.distinct = distinct;
  }

  from(source) {
    if (!isSource(source)) {
      throw invalid(`from() needs a table, a view, a subquery or sql\`\`, got ${describe(source)}`
          + (source === undefined ? " (is it declared further down, or misspelled?)" : ""), callSite());
    }
    return located(() => {
      let fields;
      if (this.fields) {
        fields = this.fields;
      } else if (source instanceof Subquery) {
        fields = Object.fromEntries(Object.keys(source._.selectedFields).map((key) => [key, source[key]]));
      } else if (source instanceof SQLiteView) {
        fields = source[VIEW].selectedFields;
      } else if (source instanceof SQL) {
        fields = {};
      } else {
        fields = tableColumns(source);
      }
      return new Select({
        table: source,
        fields,
        isPartialSelect: !!this.fields,
        dialect: this.dialect,
        withList: this.withList,
        distinct: this.distinct,
      });
    });
  }
}

const SET_OPERATORS = () => ({ union, unionAll, intersect, except });

/** A select: SQLiteSelectQueryBuilderBase, without the parts that run queries. */
class Select {
  constructor({ table, fields, isPartialSelect, dialect, withList, distinct }) {
    this.config = { withList, table, fields: { ...fields }, distinct, setOperators: [] };
    this.isPartialSelect = isPartialSelect;
    this.dialect = dialect;
    this.tableName = tableLikeName(table);
    this.joinsNotNullableMap = typeof this.tableName === "string" ? { [this.tableName]: true } : {};
  }

  addJoin(joinType, table, on) {
    if (!isSource(table)) {
      throw invalid(`${joinType}Join() needs a table, a view, a subquery or sql\`\`, got ${describe(table)}`,
          callSite());
    }
    return located(() => {
      const baseTableName = this.tableName;
      const tableName = tableLikeName(table);
      if (typeof tableName === "string" && this.config.joins?.some((j) => j.alias === tableName)) {
        throw invalid(`Alias "${tableName}" is already used in this query; join the table again under another name `
            + `with alias(table, "${tableName}2")`);
      }
      if (!this.isPartialSelect) {
        // select() without fields and a join: the fields become { table: { ...columns }, joined: { ... } }
        if (Object.keys(this.joinsNotNullableMap).length === 1 && typeof baseTableName === "string") {
          this.config.fields = { [baseTableName]: this.config.fields };
        }
        if (typeof tableName === "string" && !(table instanceof SQL)) {
          this.config.fields[tableName] = table instanceof Subquery ? table._.selectedFields
              : table instanceof SQLiteView ? table[VIEW].selectedFields : tableColumns(table);
        }
      }
      if (typeof on === "function") {
        on = on(this.fieldsFor("sql"));
      }
      (this.config.joins ??= []).push({ on, table, joinType, alias: tableName });
      if (typeof tableName === "string") {
        const map = this.joinsNotNullableMap;
        if (joinType === "left") {
          map[tableName] = false;
        } else if (joinType === "right" || joinType === "full") {
          for (const key of Object.keys(map)) map[key] = false;
          map[tableName] = joinType === "right";
        } else {
          map[tableName] = true;
        }
      }
      return this;
    });
  }

  leftJoin(table, on) {
    return this.addJoin("left", table, on);
  }

  rightJoin(table, on) {
    return this.addJoin("right", table, on);
  }

  innerJoin(table, on) {
    return this.addJoin("inner", table, on);
  }

  fullJoin(table, on) {
    return this.addJoin("full", table, on);
  }

  crossJoin(table) {
    return this.addJoin("cross", table, undefined);
  }

  /** The fields for a callback of where/having (sqlAliased "sql") or groupBy/orderBy ("alias"). */
  fieldsFor(sqlAliasedBehavior) {
    return new Proxy(this.config.fields, new SelectionProxyHandler({ sqlAliasedBehavior, sqlBehavior: "sql" }));
  }

  where(where) {
    this.config.where = typeof where === "function" ? where(this.fieldsFor("sql")) : where;
    return this;
  }

  having(having) {
    this.config.having = typeof having === "function" ? having(this.fieldsFor("sql")) : having;
    return this;
  }

  groupBy(...columns) {
    if (typeof columns[0] === "function") {
      const groupBy = columns[0](this.fieldsFor("alias"));
      this.config.groupBy = Array.isArray(groupBy) ? groupBy : [groupBy];
    } else {
      this.config.groupBy = columns;
    }
    return this;
  }

  orderBy(...columns) {
    let orderBy = columns;
    if (typeof columns[0] === "function") {
      const result = columns[0](this.fieldsFor("alias"));
      orderBy = Array.isArray(result) ? result : [result];
    }
    if (this.config.setOperators.length > 0) this.config.setOperators.at(-1).orderBy = orderBy;
    else this.config.orderBy = orderBy;
    return this;
  }

  limit(limit) {
    if (this.config.setOperators.length > 0) this.config.setOperators.at(-1).limit = limit;
    else this.config.limit = limit;
    return this;
  }

  offset(offset) {
    if (this.config.setOperators.length > 0) this.config.setOperators.at(-1).offset = offset;
    else this.config.offset = offset;
    return this;
  }

  setOperator(type, isAll, rightSelection) {
    const rightSelect = typeof rightSelection === "function" ? rightSelection(SET_OPERATORS()) : rightSelection;
    checkSetOperand(this, rightSelect, type);
    this.config.setOperators.push({ type, isAll, rightSelect });
    return this;
  }

  union(rightSelection) {
    return this.setOperator("union", false, rightSelection);
  }

  unionAll(rightSelection) {
    return this.setOperator("union", true, rightSelection);
  }

  intersect(rightSelection) {
    return this.setOperator("intersect", false, rightSelection);
  }

  except(rightSelection) {
    return this.setOperator("except", false, rightSelection);
  }

  addSetOperators(setOperators) {
    this.config.setOperators.push(...setOperators);
    return this;
  }

  getSQL() {
    return this.dialect.buildSelectQuery(this.config);
  }

  /** A subquery: select ... from (this) "alias". */
  as(aliasName) {
    return located(() => new Proxy(new Subquery(this.getSQL(), this.config.fields, aliasName, false),
        new SelectionProxyHandler({ alias: aliasName, sqlAliasedBehavior: "alias", sqlBehavior: "error" })));
  }

  getSelectedFields() {
    return new Proxy(this.config.fields,
        new SelectionProxyHandler({ alias: this.tableName, sqlAliasedBehavior: "alias", sqlBehavior: "error" }));
  }

  $dynamic() {
    return this;
  }
}

function checkSetOperand(left, right, type) {
  if (!(right instanceof Select)) {
    throw invalid(`${type}() needs a select on each side, got ${describe(right)}`, callSite());
  }
  const leftKeys = Object.keys(left.getSelectedFields());
  const rightKeys = Object.keys(right.getSelectedFields());
  if (leftKeys.length !== rightKeys.length || leftKeys.some((key, i) => key !== rightKeys[i])) {
    throw invalid("Set operator error (union / intersect / except): selected fields are not the same or are in a "
        + `different order (${leftKeys.join(", ")} and ${rightKeys.join(", ")})`, callSite());
  }
}

function setOperatorFunction(type, isAll) {
  return (leftSelect, rightSelect, ...restSelects) => {
    if (!(leftSelect instanceof Select)) {
      throw invalid(`${type}() needs a select on each side, got ${describe(leftSelect)}`, callSite());
    }
    const setOperators = [rightSelect, ...restSelects].map((select) => ({ type, isAll, rightSelect: select }));
    for (const setOperator of setOperators) checkSetOperand(leftSelect, setOperator.rightSelect, type);
    return leftSelect.addSetOperators(setOperators);
  };
}

export const union = setOperatorFunction("union", false);
export const unionAll = setOperatorFunction("union", true);
export const intersect = setOperatorFunction("intersect", false);
export const except = setOperatorFunction("except", false);

// ---------------------------------------------------------------------------------------------------------
// Views (sqlite-core/view.js)

/**
 * A view as drizzle makes it: the view behind a selection proxy under its own name, so that view.col is a
 * column of the view ("view"."col") and its fields read as drizzle-kit reads them.
 */
function newView(config) {
  const view = new SQLiteView();
  view[VIEW] = { isExisting: !config.query, isAlias: false, ...config };
  return new Proxy(view, new SelectionProxyHandler({
    alias: config.name, sqlBehavior: "error", sqlAliasedBehavior: "alias", replaceOriginalName: true,
  }));
}

/** sqliteView(name, columns): a view whose columns are declared, with .as(sql`...`) or .existing(). */
class ManualViewBuilder {
  constructor(name, columns, at) {
    this.name = name;
    this.columns = buildTable(name, columns, undefined, at)[TABLE].columns;
    this.at = at;
  }

  existing() {
    return newView({ name: this.name, selectedFields: this.columns, query: undefined, at: this.at });
  }

  as(query) {
    if (!(query instanceof SQL)) {
      throw invalid(`sqliteView("${this.name}", columns).as() needs sql\`...\`, got ${describe(query)}`, callSite());
    }
    return newView({ name: this.name, selectedFields: this.columns, query: query.inlineParams(), at: this.at });
  }
}

/** sqliteView(name): a view whose columns and SELECT come from the query builder. */
class ViewBuilder {
  constructor(name) {
    this.name = name;
  }

  as(qb) {
    const at = capture();
    return located(() => {
      const query = typeof qb === "function" ? qb(new QueryBuilder()) : qb;
      if (!(query instanceof Select)) {
        throw invalid(`sqliteView("${this.name}").as() needs a select from the query builder, as in `
            + `.as((qb) => qb.select().from(users)), got ${describe(query)}`
            + (query instanceof SQL ? `; a view defined by sql\`\` declares its columns: sqliteView("${this.name}",`
                + " { ...columns }).as(sql`select ...`)" : ""));
      }
      return newView({
        name: this.name, selectedFields: query.getSelectedFields(), query: query.getSQL().inlineParams(), at,
      });
    });
  }
}

export const sqliteView = (name, selection) => {
  rejectForeign(name, "sqliteView()");
  if (typeof name !== "string" || name.length === 0) {
    throw invalid("sqliteView() needs the view name as its first argument", callSite());
  }
  return selection ? new ManualViewBuilder(name, selection, capture()) : new ViewBuilder(name);
};

export const view = sqliteView;

trapUnknownMembers(QueryBuilder, () => "qb");
trapUnknownMembers(SelectBuilder, () => "qb.select(…)");
trapUnknownMembers(Select, () => "qb.select(…).from(…)");
trapUnknownMembers(ManualViewBuilder, (b) => `sqliteView("${b.name}", columns)`);
trapUnknownMembers(ViewBuilder, (b) => `sqliteView("${b.name}")`);
