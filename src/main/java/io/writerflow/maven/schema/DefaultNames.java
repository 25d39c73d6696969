package io.writerflow.maven.schema;

import java.util.List;

/**
 * The names drizzle gives constraints the schema does not name. drizzle-kit 0.31 and 1.0 differ for foreign
 * and primary keys; the model keeps 0.31's (what the schema loader and {@code meta/} snapshots give), and the
 * version "7" codec translates, so the same schema is the same model whichever snapshot it was read from.
 */
public final class DefaultNames {

    private DefaultNames() {
    }

    /** drizzle-kit 0.31: {@code documents_owner_id_users_id_fk}. */
    public static String foreignKey(String table, List<String> columns, String tableTo, List<String> columnsTo) {
        return table + "_" + String.join("_", columns) + "_" + tableTo + "_" + String.join("_", columnsTo) + "_fk";
    }

    /** drizzle-kit 1.0: {@code fk_documents_owner_id_users_id_fk}. */
    static String foreignKeyV7(String table, List<String> columns, String tableTo, List<String> columnsTo) {
        return "fk_" + foreignKey(table, columns, tableTo, columnsTo);
    }

    /** drizzle-kit 0.31: {@code memberships_user_id_group_id_pk}. */
    public static String primaryKey(String table, List<String> columns) {
        return table + "_" + String.join("_", columns) + "_pk";
    }

    /** drizzle-kit 1.0: {@code memberships_pk}, whatever the columns. */
    static String primaryKeyV7(String table) {
        return table + "_pk";
    }

    /** Both versions: {@code users_email_unique}. */
    public static String unique(String table, List<String> columns) {
        return table + "_" + String.join("_", columns) + "_unique";
    }
}
