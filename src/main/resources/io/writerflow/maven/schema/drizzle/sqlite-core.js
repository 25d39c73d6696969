// "drizzle-orm/sqlite-core" as schema.js sees it when writerflow reads the schema. recorder.js implements
// the SQLite table, column, index, constraint and view
// builders; every other export of drizzle-orm 0.45 is present too, so imports link as they do
// under Node, but it fails with its name when the schema uses it.
import { unsupportedExport } from "./recorder.js";

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
  sqliteView,
  view,
} from "./recorder.js";

export const BaseSQLiteDatabase = unsupportedExport("BaseSQLiteDatabase", "drizzle-orm/sqlite-core");
export const Check = unsupportedExport("Check", "drizzle-orm/sqlite-core");
export const CheckBuilder = unsupportedExport("CheckBuilder", "drizzle-orm/sqlite-core");
export const ExecuteResultSync = unsupportedExport("ExecuteResultSync", "drizzle-orm/sqlite-core");
export const ForeignKey = unsupportedExport("ForeignKey", "drizzle-orm/sqlite-core");
export const ForeignKeyBuilder = unsupportedExport("ForeignKeyBuilder", "drizzle-orm/sqlite-core");
export const Index = unsupportedExport("Index", "drizzle-orm/sqlite-core");
export const IndexBuilder = unsupportedExport("IndexBuilder", "drizzle-orm/sqlite-core");
export const IndexBuilderOn = unsupportedExport("IndexBuilderOn", "drizzle-orm/sqlite-core");
export const InlineForeignKeys = unsupportedExport("InlineForeignKeys", "drizzle-orm/sqlite-core");
export const ManualViewBuilder = unsupportedExport("ManualViewBuilder", "drizzle-orm/sqlite-core");
export const PrimaryKey = unsupportedExport("PrimaryKey", "drizzle-orm/sqlite-core");
export const PrimaryKeyBuilder = unsupportedExport("PrimaryKeyBuilder", "drizzle-orm/sqlite-core");
export const QueryBuilder = unsupportedExport("QueryBuilder", "drizzle-orm/sqlite-core");
export const SQLiteAsyncDialect = unsupportedExport("SQLiteAsyncDialect", "drizzle-orm/sqlite-core");
export const SQLiteBaseInteger = unsupportedExport("SQLiteBaseInteger", "drizzle-orm/sqlite-core");
export const SQLiteBaseIntegerBuilder = unsupportedExport("SQLiteBaseIntegerBuilder", "drizzle-orm/sqlite-core");
export const SQLiteBigInt = unsupportedExport("SQLiteBigInt", "drizzle-orm/sqlite-core");
export const SQLiteBigIntBuilder = unsupportedExport("SQLiteBigIntBuilder", "drizzle-orm/sqlite-core");
export const SQLiteBlobBuffer = unsupportedExport("SQLiteBlobBuffer", "drizzle-orm/sqlite-core");
export const SQLiteBlobBufferBuilder = unsupportedExport("SQLiteBlobBufferBuilder", "drizzle-orm/sqlite-core");
export const SQLiteBlobJson = unsupportedExport("SQLiteBlobJson", "drizzle-orm/sqlite-core");
export const SQLiteBlobJsonBuilder = unsupportedExport("SQLiteBlobJsonBuilder", "drizzle-orm/sqlite-core");
export const SQLiteBoolean = unsupportedExport("SQLiteBoolean", "drizzle-orm/sqlite-core");
export const SQLiteBooleanBuilder = unsupportedExport("SQLiteBooleanBuilder", "drizzle-orm/sqlite-core");
export const SQLiteColumn = unsupportedExport("SQLiteColumn", "drizzle-orm/sqlite-core");
export const SQLiteColumnBuilder = unsupportedExport("SQLiteColumnBuilder", "drizzle-orm/sqlite-core");
export const SQLiteCustomColumn = unsupportedExport("SQLiteCustomColumn", "drizzle-orm/sqlite-core");
export const SQLiteCustomColumnBuilder = unsupportedExport("SQLiteCustomColumnBuilder", "drizzle-orm/sqlite-core");
export const SQLiteDeleteBase = unsupportedExport("SQLiteDeleteBase", "drizzle-orm/sqlite-core");
export const SQLiteDialect = unsupportedExport("SQLiteDialect", "drizzle-orm/sqlite-core");
export const SQLiteInsertBase = unsupportedExport("SQLiteInsertBase", "drizzle-orm/sqlite-core");
export const SQLiteInsertBuilder = unsupportedExport("SQLiteInsertBuilder", "drizzle-orm/sqlite-core");
export const SQLiteInteger = unsupportedExport("SQLiteInteger", "drizzle-orm/sqlite-core");
export const SQLiteIntegerBuilder = unsupportedExport("SQLiteIntegerBuilder", "drizzle-orm/sqlite-core");
export const SQLiteNumeric = unsupportedExport("SQLiteNumeric", "drizzle-orm/sqlite-core");
export const SQLiteNumericBigInt = unsupportedExport("SQLiteNumericBigInt", "drizzle-orm/sqlite-core");
export const SQLiteNumericBigIntBuilder = unsupportedExport("SQLiteNumericBigIntBuilder", "drizzle-orm/sqlite-core");
export const SQLiteNumericBuilder = unsupportedExport("SQLiteNumericBuilder", "drizzle-orm/sqlite-core");
export const SQLiteNumericNumber = unsupportedExport("SQLiteNumericNumber", "drizzle-orm/sqlite-core");
export const SQLiteNumericNumberBuilder = unsupportedExport("SQLiteNumericNumberBuilder", "drizzle-orm/sqlite-core");
export const SQLitePreparedQuery = unsupportedExport("SQLitePreparedQuery", "drizzle-orm/sqlite-core");
export const SQLiteReal = unsupportedExport("SQLiteReal", "drizzle-orm/sqlite-core");
export const SQLiteRealBuilder = unsupportedExport("SQLiteRealBuilder", "drizzle-orm/sqlite-core");
export const SQLiteSelectBase = unsupportedExport("SQLiteSelectBase", "drizzle-orm/sqlite-core");
export const SQLiteSelectBuilder = unsupportedExport("SQLiteSelectBuilder", "drizzle-orm/sqlite-core");
export const SQLiteSelectQueryBuilderBase = unsupportedExport("SQLiteSelectQueryBuilderBase", "drizzle-orm/sqlite-core");
export const SQLiteSession = unsupportedExport("SQLiteSession", "drizzle-orm/sqlite-core");
export const SQLiteSyncDialect = unsupportedExport("SQLiteSyncDialect", "drizzle-orm/sqlite-core");
export const SQLiteTable = unsupportedExport("SQLiteTable", "drizzle-orm/sqlite-core");
export const SQLiteText = unsupportedExport("SQLiteText", "drizzle-orm/sqlite-core");
export const SQLiteTextBuilder = unsupportedExport("SQLiteTextBuilder", "drizzle-orm/sqlite-core");
export const SQLiteTextJson = unsupportedExport("SQLiteTextJson", "drizzle-orm/sqlite-core");
export const SQLiteTextJsonBuilder = unsupportedExport("SQLiteTextJsonBuilder", "drizzle-orm/sqlite-core");
export const SQLiteTimestamp = unsupportedExport("SQLiteTimestamp", "drizzle-orm/sqlite-core");
export const SQLiteTimestampBuilder = unsupportedExport("SQLiteTimestampBuilder", "drizzle-orm/sqlite-core");
export const SQLiteTransaction = unsupportedExport("SQLiteTransaction", "drizzle-orm/sqlite-core");
export const SQLiteUpdateBase = unsupportedExport("SQLiteUpdateBase", "drizzle-orm/sqlite-core");
export const SQLiteUpdateBuilder = unsupportedExport("SQLiteUpdateBuilder", "drizzle-orm/sqlite-core");
export const SQLiteView = unsupportedExport("SQLiteView", "drizzle-orm/sqlite-core");
export const UniqueConstraint = unsupportedExport("UniqueConstraint", "drizzle-orm/sqlite-core");
export const UniqueConstraintBuilder = unsupportedExport("UniqueConstraintBuilder", "drizzle-orm/sqlite-core");
export const UniqueOnConstraintBuilder = unsupportedExport("UniqueOnConstraintBuilder", "drizzle-orm/sqlite-core");
export const ViewBuilder = unsupportedExport("ViewBuilder", "drizzle-orm/sqlite-core");
export const ViewBuilderCore = unsupportedExport("ViewBuilderCore", "drizzle-orm/sqlite-core");
export const alias = unsupportedExport("alias", "drizzle-orm/sqlite-core");
export const except = unsupportedExport("except", "drizzle-orm/sqlite-core");
export const extractUsedTable = unsupportedExport("extractUsedTable", "drizzle-orm/sqlite-core");
export const getTableConfig = unsupportedExport("getTableConfig", "drizzle-orm/sqlite-core");
export const getViewConfig = unsupportedExport("getViewConfig", "drizzle-orm/sqlite-core");
export const intersect = unsupportedExport("intersect", "drizzle-orm/sqlite-core");
export const union = unsupportedExport("union", "drizzle-orm/sqlite-core");
export const unionAll = unsupportedExport("unionAll", "drizzle-orm/sqlite-core");
export const uniqueKeyName = unsupportedExport("uniqueKeyName", "drizzle-orm/sqlite-core");
export const withReplicas = unsupportedExport("withReplicas", "drizzle-orm/sqlite-core");
