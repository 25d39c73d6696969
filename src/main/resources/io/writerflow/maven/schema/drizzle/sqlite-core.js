// "drizzle-orm/sqlite-core" as schema.js sees it when writerflow reads the schema: recorder.js implements
// the SQLite table, column, index and constraint builders, query-builder.js the views and the select query
// builder they are declared with.
// Every other export of drizzle-orm 0.45 is declared too, so that imports link as they do under Node;
// using one fails with its name and the schema's line.
import { unsupportedCall } from "./recorder.js";

export {
  sqliteTable,
  sqliteTableCreator,
  text,
  integer,
  int,
  real,
  blob,
  numeric,
  customType,
  index,
  uniqueIndex,
  primaryKey,
  foreignKey,
  unique,
  check,
} from "./recorder.js";

export {
  sqliteView,
  view,
  alias,
  QueryBuilder,
  union,
  unionAll,
  intersect,
  except,
} from "./query-builder.js";

export function BaseSQLiteDatabase() { unsupportedCall("BaseSQLiteDatabase", "drizzle-orm/sqlite-core"); }
export function Check() { unsupportedCall("Check", "drizzle-orm/sqlite-core"); }
export function CheckBuilder() { unsupportedCall("CheckBuilder", "drizzle-orm/sqlite-core"); }
export function ExecuteResultSync() { unsupportedCall("ExecuteResultSync", "drizzle-orm/sqlite-core"); }
export function ForeignKey() { unsupportedCall("ForeignKey", "drizzle-orm/sqlite-core"); }
export function ForeignKeyBuilder() { unsupportedCall("ForeignKeyBuilder", "drizzle-orm/sqlite-core"); }
export function Index() { unsupportedCall("Index", "drizzle-orm/sqlite-core"); }
export function IndexBuilder() { unsupportedCall("IndexBuilder", "drizzle-orm/sqlite-core"); }
export function IndexBuilderOn() { unsupportedCall("IndexBuilderOn", "drizzle-orm/sqlite-core"); }
export function InlineForeignKeys() { unsupportedCall("InlineForeignKeys", "drizzle-orm/sqlite-core"); }
export function ManualViewBuilder() { unsupportedCall("ManualViewBuilder", "drizzle-orm/sqlite-core"); }
export function PrimaryKey() { unsupportedCall("PrimaryKey", "drizzle-orm/sqlite-core"); }
export function PrimaryKeyBuilder() { unsupportedCall("PrimaryKeyBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteAsyncDialect() { unsupportedCall("SQLiteAsyncDialect", "drizzle-orm/sqlite-core"); }
export function SQLiteBaseInteger() { unsupportedCall("SQLiteBaseInteger", "drizzle-orm/sqlite-core"); }
export function SQLiteBaseIntegerBuilder() { unsupportedCall("SQLiteBaseIntegerBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteBigInt() { unsupportedCall("SQLiteBigInt", "drizzle-orm/sqlite-core"); }
export function SQLiteBigIntBuilder() { unsupportedCall("SQLiteBigIntBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteBlobBuffer() { unsupportedCall("SQLiteBlobBuffer", "drizzle-orm/sqlite-core"); }
export function SQLiteBlobBufferBuilder() { unsupportedCall("SQLiteBlobBufferBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteBlobJson() { unsupportedCall("SQLiteBlobJson", "drizzle-orm/sqlite-core"); }
export function SQLiteBlobJsonBuilder() { unsupportedCall("SQLiteBlobJsonBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteBoolean() { unsupportedCall("SQLiteBoolean", "drizzle-orm/sqlite-core"); }
export function SQLiteBooleanBuilder() { unsupportedCall("SQLiteBooleanBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteColumn() { unsupportedCall("SQLiteColumn", "drizzle-orm/sqlite-core"); }
export function SQLiteColumnBuilder() { unsupportedCall("SQLiteColumnBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteCustomColumn() { unsupportedCall("SQLiteCustomColumn", "drizzle-orm/sqlite-core"); }
export function SQLiteCustomColumnBuilder() { unsupportedCall("SQLiteCustomColumnBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteDeleteBase() { unsupportedCall("SQLiteDeleteBase", "drizzle-orm/sqlite-core"); }
export function SQLiteDialect() { unsupportedCall("SQLiteDialect", "drizzle-orm/sqlite-core"); }
export function SQLiteInsertBase() { unsupportedCall("SQLiteInsertBase", "drizzle-orm/sqlite-core"); }
export function SQLiteInsertBuilder() { unsupportedCall("SQLiteInsertBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteInteger() { unsupportedCall("SQLiteInteger", "drizzle-orm/sqlite-core"); }
export function SQLiteIntegerBuilder() { unsupportedCall("SQLiteIntegerBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteNumeric() { unsupportedCall("SQLiteNumeric", "drizzle-orm/sqlite-core"); }
export function SQLiteNumericBigInt() { unsupportedCall("SQLiteNumericBigInt", "drizzle-orm/sqlite-core"); }
export function SQLiteNumericBigIntBuilder() { unsupportedCall("SQLiteNumericBigIntBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteNumericBuilder() { unsupportedCall("SQLiteNumericBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteNumericNumber() { unsupportedCall("SQLiteNumericNumber", "drizzle-orm/sqlite-core"); }
export function SQLiteNumericNumberBuilder() { unsupportedCall("SQLiteNumericNumberBuilder", "drizzle-orm/sqlite-core"); }
export function SQLitePreparedQuery() { unsupportedCall("SQLitePreparedQuery", "drizzle-orm/sqlite-core"); }
export function SQLiteReal() { unsupportedCall("SQLiteReal", "drizzle-orm/sqlite-core"); }
export function SQLiteRealBuilder() { unsupportedCall("SQLiteRealBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteSelectBase() { unsupportedCall("SQLiteSelectBase", "drizzle-orm/sqlite-core"); }
export function SQLiteSelectBuilder() { unsupportedCall("SQLiteSelectBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteSelectQueryBuilderBase() { unsupportedCall("SQLiteSelectQueryBuilderBase", "drizzle-orm/sqlite-core"); }
export function SQLiteSession() { unsupportedCall("SQLiteSession", "drizzle-orm/sqlite-core"); }
export function SQLiteSyncDialect() { unsupportedCall("SQLiteSyncDialect", "drizzle-orm/sqlite-core"); }
export function SQLiteTable() { unsupportedCall("SQLiteTable", "drizzle-orm/sqlite-core"); }
export function SQLiteText() { unsupportedCall("SQLiteText", "drizzle-orm/sqlite-core"); }
export function SQLiteTextBuilder() { unsupportedCall("SQLiteTextBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteTextJson() { unsupportedCall("SQLiteTextJson", "drizzle-orm/sqlite-core"); }
export function SQLiteTextJsonBuilder() { unsupportedCall("SQLiteTextJsonBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteTimestamp() { unsupportedCall("SQLiteTimestamp", "drizzle-orm/sqlite-core"); }
export function SQLiteTimestampBuilder() { unsupportedCall("SQLiteTimestampBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteTransaction() { unsupportedCall("SQLiteTransaction", "drizzle-orm/sqlite-core"); }
export function SQLiteUpdateBase() { unsupportedCall("SQLiteUpdateBase", "drizzle-orm/sqlite-core"); }
export function SQLiteUpdateBuilder() { unsupportedCall("SQLiteUpdateBuilder", "drizzle-orm/sqlite-core"); }
export function SQLiteView() { unsupportedCall("SQLiteView", "drizzle-orm/sqlite-core"); }
export function UniqueConstraint() { unsupportedCall("UniqueConstraint", "drizzle-orm/sqlite-core"); }
export function UniqueConstraintBuilder() { unsupportedCall("UniqueConstraintBuilder", "drizzle-orm/sqlite-core"); }
export function UniqueOnConstraintBuilder() { unsupportedCall("UniqueOnConstraintBuilder", "drizzle-orm/sqlite-core"); }
export function ViewBuilder() { unsupportedCall("ViewBuilder", "drizzle-orm/sqlite-core"); }
export function ViewBuilderCore() { unsupportedCall("ViewBuilderCore", "drizzle-orm/sqlite-core"); }
export function extractUsedTable() { unsupportedCall("extractUsedTable", "drizzle-orm/sqlite-core"); }
export function getTableConfig() { unsupportedCall("getTableConfig", "drizzle-orm/sqlite-core"); }
export function getViewConfig() { unsupportedCall("getViewConfig", "drizzle-orm/sqlite-core"); }
export function uniqueKeyName() { unsupportedCall("uniqueKeyName", "drizzle-orm/sqlite-core"); }
export function withReplicas() { unsupportedCall("withReplicas", "drizzle-orm/sqlite-core"); }
