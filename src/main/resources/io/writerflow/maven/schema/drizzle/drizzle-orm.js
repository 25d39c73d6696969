// "drizzle-orm" as schema.js sees it when writerflow reads the schema. recorder.js implements
// sql``, relations() (which drizzle-kit ignores) and the conditions
// used in index WHERE clauses and checks; every other export of drizzle-orm 0.45 is present too, so imports link as they do
// under Node, but it fails with its name when the schema uses it.
import { unsupportedExport } from "./recorder.js";

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
  getTableName,
  getTableColumns,
} from "./recorder.js";

export const BaseName = unsupportedExport("BaseName", "drizzle-orm");
export const Column = unsupportedExport("Column", "drizzle-orm");
export const ColumnAliasProxyHandler = unsupportedExport("ColumnAliasProxyHandler", "drizzle-orm");
export const ColumnBuilder = unsupportedExport("ColumnBuilder", "drizzle-orm");
export const Columns = unsupportedExport("Columns", "drizzle-orm");
export const ConsoleLogWriter = unsupportedExport("ConsoleLogWriter", "drizzle-orm");
export const DefaultLogger = unsupportedExport("DefaultLogger", "drizzle-orm");
export const DrizzleError = unsupportedExport("DrizzleError", "drizzle-orm");
export const DrizzleQueryError = unsupportedExport("DrizzleQueryError", "drizzle-orm");
export const ExtraConfigBuilder = unsupportedExport("ExtraConfigBuilder", "drizzle-orm");
export const ExtraConfigColumns = unsupportedExport("ExtraConfigColumns", "drizzle-orm");
export const FakePrimitiveParam = unsupportedExport("FakePrimitiveParam", "drizzle-orm");
export const IsAlias = unsupportedExport("IsAlias", "drizzle-orm");
export const Many = unsupportedExport("Many", "drizzle-orm");
export const Name = unsupportedExport("Name", "drizzle-orm");
export const NoopLogger = unsupportedExport("NoopLogger", "drizzle-orm");
export const One = unsupportedExport("One", "drizzle-orm");
export const OriginalName = unsupportedExport("OriginalName", "drizzle-orm");
export const Param = unsupportedExport("Param", "drizzle-orm");
export const Placeholder = unsupportedExport("Placeholder", "drizzle-orm");
export const QueryPromise = unsupportedExport("QueryPromise", "drizzle-orm");
export const Relation = unsupportedExport("Relation", "drizzle-orm");
export const RelationTableAliasProxyHandler = unsupportedExport("RelationTableAliasProxyHandler", "drizzle-orm");
export const Relations = unsupportedExport("Relations", "drizzle-orm");
export const SQL = unsupportedExport("SQL", "drizzle-orm");
export const Schema = unsupportedExport("Schema", "drizzle-orm");
export const StringChunk = unsupportedExport("StringChunk", "drizzle-orm");
export const Subquery = unsupportedExport("Subquery", "drizzle-orm");
export const Table = unsupportedExport("Table", "drizzle-orm");
export const TableAliasProxyHandler = unsupportedExport("TableAliasProxyHandler", "drizzle-orm");
export const TransactionRollbackError = unsupportedExport("TransactionRollbackError", "drizzle-orm");
export const View = unsupportedExport("View", "drizzle-orm");
export const ViewBaseConfig = unsupportedExport("ViewBaseConfig", "drizzle-orm");
export const WithSubquery = unsupportedExport("WithSubquery", "drizzle-orm");
export const aliasedRelation = unsupportedExport("aliasedRelation", "drizzle-orm");
export const aliasedTable = unsupportedExport("aliasedTable", "drizzle-orm");
export const aliasedTableColumn = unsupportedExport("aliasedTableColumn", "drizzle-orm");
export const applyMixins = unsupportedExport("applyMixins", "drizzle-orm");
export const arrayContained = unsupportedExport("arrayContained", "drizzle-orm");
export const arrayContains = unsupportedExport("arrayContains", "drizzle-orm");
export const arrayOverlaps = unsupportedExport("arrayOverlaps", "drizzle-orm");
export const avg = unsupportedExport("avg", "drizzle-orm");
export const avgDistinct = unsupportedExport("avgDistinct", "drizzle-orm");
export const bindIfParam = unsupportedExport("bindIfParam", "drizzle-orm");
export const cosineDistance = unsupportedExport("cosineDistance", "drizzle-orm");
export const count = unsupportedExport("count", "drizzle-orm");
export const countDistinct = unsupportedExport("countDistinct", "drizzle-orm");
export const createMany = unsupportedExport("createMany", "drizzle-orm");
export const createOne = unsupportedExport("createOne", "drizzle-orm");
export const createTableRelationsHelpers = unsupportedExport("createTableRelationsHelpers", "drizzle-orm");
export const entityKind = unsupportedExport("entityKind", "drizzle-orm");
export const extractTablesRelationalConfig = unsupportedExport("extractTablesRelationalConfig", "drizzle-orm");
export const fillPlaceholders = unsupportedExport("fillPlaceholders", "drizzle-orm");
export const getColumnNameAndConfig = unsupportedExport("getColumnNameAndConfig", "drizzle-orm");
export const getOperators = unsupportedExport("getOperators", "drizzle-orm");
export const getOrderByOperators = unsupportedExport("getOrderByOperators", "drizzle-orm");
export const getTableLikeName = unsupportedExport("getTableLikeName", "drizzle-orm");
export const getTableUniqueName = unsupportedExport("getTableUniqueName", "drizzle-orm");
export const getViewName = unsupportedExport("getViewName", "drizzle-orm");
export const getViewSelectedFields = unsupportedExport("getViewSelectedFields", "drizzle-orm");
export const hammingDistance = unsupportedExport("hammingDistance", "drizzle-orm");
export const hasOwnEntityKind = unsupportedExport("hasOwnEntityKind", "drizzle-orm");
export const haveSameKeys = unsupportedExport("haveSameKeys", "drizzle-orm");
export const innerProduct = unsupportedExport("innerProduct", "drizzle-orm");
export const is = unsupportedExport("is", "drizzle-orm");
export const isConfig = unsupportedExport("isConfig", "drizzle-orm");
export const isDriverValueEncoder = unsupportedExport("isDriverValueEncoder", "drizzle-orm");
export const isSQLWrapper = unsupportedExport("isSQLWrapper", "drizzle-orm");
export const isTable = unsupportedExport("isTable", "drizzle-orm");
export const isView = unsupportedExport("isView", "drizzle-orm");
export const jaccardDistance = unsupportedExport("jaccardDistance", "drizzle-orm");
export const l1Distance = unsupportedExport("l1Distance", "drizzle-orm");
export const l2Distance = unsupportedExport("l2Distance", "drizzle-orm");
export const mapColumnsInAliasedSQLToAlias = unsupportedExport("mapColumnsInAliasedSQLToAlias", "drizzle-orm");
export const mapColumnsInSQLToAlias = unsupportedExport("mapColumnsInSQLToAlias", "drizzle-orm");
export const mapRelationalRow = unsupportedExport("mapRelationalRow", "drizzle-orm");
export const mapResultRow = unsupportedExport("mapResultRow", "drizzle-orm");
export const mapUpdateSet = unsupportedExport("mapUpdateSet", "drizzle-orm");
export const max = unsupportedExport("max", "drizzle-orm");
export const min = unsupportedExport("min", "drizzle-orm");
export const name = unsupportedExport("name", "drizzle-orm");
export const noopDecoder = unsupportedExport("noopDecoder", "drizzle-orm");
export const noopEncoder = unsupportedExport("noopEncoder", "drizzle-orm");
export const noopMapper = unsupportedExport("noopMapper", "drizzle-orm");
export const normalizeRelation = unsupportedExport("normalizeRelation", "drizzle-orm");
export const orderSelectedFields = unsupportedExport("orderSelectedFields", "drizzle-orm");
export const param = unsupportedExport("param", "drizzle-orm");
export const placeholder = unsupportedExport("placeholder", "drizzle-orm");
export const sum = unsupportedExport("sum", "drizzle-orm");
export const sumDistinct = unsupportedExport("sumDistinct", "drizzle-orm");
export const textDecoder = unsupportedExport("textDecoder", "drizzle-orm");
