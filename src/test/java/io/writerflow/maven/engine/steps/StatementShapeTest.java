package io.writerflow.maven.engine.steps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statements read as SQLite reads them: any case, any quoting, comments, schema names. */
class StatementShapeTest {

    @Test
    void readsTheStatementsARebuildIsMadeOf() {
        assertEquals(new StatementShape.DropTable("users"), StatementShape.of("DROP TABLE `users`;"));
        assertEquals(new StatementShape.DropTable("we\"ird"), StatementShape.of("drop table if exists main.\"we\"\"ird\""));
        assertEquals(new StatementShape.RenameTable("__new_users", "users"),
                StatementShape.of("-- the rebuild\nALTER TABLE `__new_users` RENAME TO `users`;"));
        assertEquals(new StatementShape.RenameTable("a b", "c"), StatementShape.of("alter table main.[a b] rename to c"));
        assertEquals(new StatementShape.Other(), StatementShape.of("ALTER TABLE users RENAME COLUMN a TO b"));
        assertEquals(new StatementShape.Other(), StatementShape.of("ALTER TABLE users ADD `x` integer"));
    }

    @Test
    void readsWhatACreateOrDropNames() {
        assertEquals(new StatementShape.Create("index", "i"), StatementShape.of("CREATE UNIQUE INDEX IF NOT EXISTS `i` ON t (a)"));
        assertEquals(new StatementShape.Create("trigger", "t"), StatementShape.of("create temp trigger \"t\" after insert on x begin select 1; end"));
        assertEquals(new StatementShape.Create("view", "v"), StatementShape.of("/* v */ CREATE VIEW v AS SELECT 1"));
        assertEquals(new StatementShape.Create("table", "docs"), StatementShape.of("CREATE VIRTUAL TABLE docs USING fts5(body)"));
        assertEquals(new StatementShape.Drop("view", "v"), StatementShape.of("DROP VIEW IF EXISTS `v`;"));
        assertEquals(new StatementShape.Drop("trigger", "t"), StatementShape.of("DROP TRIGGER t"));
    }

    @Test
    void tellsAForeignKeySettingFromTheQuery() {
        assertEquals(new StatementShape.ForeignKeysSetting(), StatementShape.of("PRAGMA foreign_keys=OFF;"));
        assertEquals(new StatementShape.ForeignKeysSetting(), StatementShape.of("pragma main.foreign_keys = 1"));
        assertEquals(new StatementShape.ForeignKeysSetting(), StatementShape.of("PRAGMA Foreign_Keys(on)"));
        assertEquals(new StatementShape.Other(), StatementShape.of("PRAGMA foreign_keys;"));
        assertEquals(new StatementShape.Other(), StatementShape.of("PRAGMA foreign_key_check"));
        assertEquals(new StatementShape.Other(), StatementShape.of("PRAGMA defer_foreign_keys=ON"));
    }
}
