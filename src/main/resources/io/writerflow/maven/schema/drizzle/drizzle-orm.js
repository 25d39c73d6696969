// "drizzle-orm" as schema.js sees it when writerflow reads the schema: recorder.js implements
// sql``, relations() (which drizzle-kit ignores), and the conditions and aggregates used in
// index WHERE clauses, checks and views.
// Every other export of drizzle-orm 0.45 is declared too, so that imports link as they do under Node;
// using one fails with its name and the schema's line.
import { unsupportedCall } from "./recorder.js";

export {
  sql,
  relations,
  eq,
  ne,
  gt,
  gte,
  lt,
  lte,
  and,
  or,
  not,
  isNull,
  isNotNull,
  exists,
  notExists,
  like,
  notLike,
  ilike,
  notIlike,
  asc,
  desc,
  between,
  notBetween,
  inArray,
  notInArray,
  count,
  countDistinct,
  avg,
  avgDistinct,
  sum,
  sumDistinct,
  max,
  min,
  getTableName,
  getTableColumns,
} from "./recorder.js";

export function BaseName() { unsupportedCall("BaseName", "drizzle-orm"); }
export function Column() { unsupportedCall("Column", "drizzle-orm"); }
export function ColumnAliasProxyHandler() { unsupportedCall("ColumnAliasProxyHandler", "drizzle-orm"); }
export function ColumnBuilder() { unsupportedCall("ColumnBuilder", "drizzle-orm"); }
export function Columns() { unsupportedCall("Columns", "drizzle-orm"); }
export function ConsoleLogWriter() { unsupportedCall("ConsoleLogWriter", "drizzle-orm"); }
export function DefaultLogger() { unsupportedCall("DefaultLogger", "drizzle-orm"); }
export function DrizzleError() { unsupportedCall("DrizzleError", "drizzle-orm"); }
export function DrizzleQueryError() { unsupportedCall("DrizzleQueryError", "drizzle-orm"); }
export function ExtraConfigBuilder() { unsupportedCall("ExtraConfigBuilder", "drizzle-orm"); }
export function ExtraConfigColumns() { unsupportedCall("ExtraConfigColumns", "drizzle-orm"); }
export function FakePrimitiveParam() { unsupportedCall("FakePrimitiveParam", "drizzle-orm"); }
export function IsAlias() { unsupportedCall("IsAlias", "drizzle-orm"); }
export function Many() { unsupportedCall("Many", "drizzle-orm"); }
export function Name() { unsupportedCall("Name", "drizzle-orm"); }
export function NoopLogger() { unsupportedCall("NoopLogger", "drizzle-orm"); }
export function One() { unsupportedCall("One", "drizzle-orm"); }
export function OriginalName() { unsupportedCall("OriginalName", "drizzle-orm"); }
export function Param() { unsupportedCall("Param", "drizzle-orm"); }
export function Placeholder() { unsupportedCall("Placeholder", "drizzle-orm"); }
export function QueryPromise() { unsupportedCall("QueryPromise", "drizzle-orm"); }
export function Relation() { unsupportedCall("Relation", "drizzle-orm"); }
export function RelationTableAliasProxyHandler() { unsupportedCall("RelationTableAliasProxyHandler", "drizzle-orm"); }
export function Relations() { unsupportedCall("Relations", "drizzle-orm"); }
export function SQL() { unsupportedCall("SQL", "drizzle-orm"); }
export function Schema() { unsupportedCall("Schema", "drizzle-orm"); }
export function StringChunk() { unsupportedCall("StringChunk", "drizzle-orm"); }
export function Subquery() { unsupportedCall("Subquery", "drizzle-orm"); }
export function Table() { unsupportedCall("Table", "drizzle-orm"); }
export function TableAliasProxyHandler() { unsupportedCall("TableAliasProxyHandler", "drizzle-orm"); }
export function TransactionRollbackError() { unsupportedCall("TransactionRollbackError", "drizzle-orm"); }
export function View() { unsupportedCall("View", "drizzle-orm"); }
export function ViewBaseConfig() { unsupportedCall("ViewBaseConfig", "drizzle-orm"); }
export function WithSubquery() { unsupportedCall("WithSubquery", "drizzle-orm"); }
export function aliasedRelation() { unsupportedCall("aliasedRelation", "drizzle-orm"); }
export function aliasedTable() { unsupportedCall("aliasedTable", "drizzle-orm"); }
export function aliasedTableColumn() { unsupportedCall("aliasedTableColumn", "drizzle-orm"); }
export function applyMixins() { unsupportedCall("applyMixins", "drizzle-orm"); }
export function arrayContained() { unsupportedCall("arrayContained", "drizzle-orm"); }
export function arrayContains() { unsupportedCall("arrayContains", "drizzle-orm"); }
export function arrayOverlaps() { unsupportedCall("arrayOverlaps", "drizzle-orm"); }
export function bindIfParam() { unsupportedCall("bindIfParam", "drizzle-orm"); }
export function cosineDistance() { unsupportedCall("cosineDistance", "drizzle-orm"); }
export function createMany() { unsupportedCall("createMany", "drizzle-orm"); }
export function createOne() { unsupportedCall("createOne", "drizzle-orm"); }
export function createTableRelationsHelpers() { unsupportedCall("createTableRelationsHelpers", "drizzle-orm"); }
export function entityKind() { unsupportedCall("entityKind", "drizzle-orm"); }
export function extractTablesRelationalConfig() { unsupportedCall("extractTablesRelationalConfig", "drizzle-orm"); }
export function fillPlaceholders() { unsupportedCall("fillPlaceholders", "drizzle-orm"); }
export function getColumnNameAndConfig() { unsupportedCall("getColumnNameAndConfig", "drizzle-orm"); }
export function getOperators() { unsupportedCall("getOperators", "drizzle-orm"); }
export function getOrderByOperators() { unsupportedCall("getOrderByOperators", "drizzle-orm"); }
export function getTableLikeName() { unsupportedCall("getTableLikeName", "drizzle-orm"); }
export function getTableUniqueName() { unsupportedCall("getTableUniqueName", "drizzle-orm"); }
export function getViewName() { unsupportedCall("getViewName", "drizzle-orm"); }
export function getViewSelectedFields() { unsupportedCall("getViewSelectedFields", "drizzle-orm"); }
export function hammingDistance() { unsupportedCall("hammingDistance", "drizzle-orm"); }
export function hasOwnEntityKind() { unsupportedCall("hasOwnEntityKind", "drizzle-orm"); }
export function haveSameKeys() { unsupportedCall("haveSameKeys", "drizzle-orm"); }
export function innerProduct() { unsupportedCall("innerProduct", "drizzle-orm"); }
export function is() { unsupportedCall("is", "drizzle-orm"); }
export function isConfig() { unsupportedCall("isConfig", "drizzle-orm"); }
export function isDriverValueEncoder() { unsupportedCall("isDriverValueEncoder", "drizzle-orm"); }
export function isSQLWrapper() { unsupportedCall("isSQLWrapper", "drizzle-orm"); }
export function isTable() { unsupportedCall("isTable", "drizzle-orm"); }
export function isView() { unsupportedCall("isView", "drizzle-orm"); }
export function jaccardDistance() { unsupportedCall("jaccardDistance", "drizzle-orm"); }
export function l1Distance() { unsupportedCall("l1Distance", "drizzle-orm"); }
export function l2Distance() { unsupportedCall("l2Distance", "drizzle-orm"); }
export function mapColumnsInAliasedSQLToAlias() { unsupportedCall("mapColumnsInAliasedSQLToAlias", "drizzle-orm"); }
export function mapColumnsInSQLToAlias() { unsupportedCall("mapColumnsInSQLToAlias", "drizzle-orm"); }
export function mapRelationalRow() { unsupportedCall("mapRelationalRow", "drizzle-orm"); }
export function mapResultRow() { unsupportedCall("mapResultRow", "drizzle-orm"); }
export function mapUpdateSet() { unsupportedCall("mapUpdateSet", "drizzle-orm"); }
export function name() { unsupportedCall("name", "drizzle-orm"); }
export function noopDecoder() { unsupportedCall("noopDecoder", "drizzle-orm"); }
export function noopEncoder() { unsupportedCall("noopEncoder", "drizzle-orm"); }
export function noopMapper() { unsupportedCall("noopMapper", "drizzle-orm"); }
export function normalizeRelation() { unsupportedCall("normalizeRelation", "drizzle-orm"); }
export function orderSelectedFields() { unsupportedCall("orderSelectedFields", "drizzle-orm"); }
export function param() { unsupportedCall("param", "drizzle-orm"); }
export function placeholder() { unsupportedCall("placeholder", "drizzle-orm"); }
export function textDecoder() { unsupportedCall("textDecoder", "drizzle-orm"); }
