package io.writerflow.maven.engine.order;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay behind writerflow.outOfOrder, on migrations in hand. */
class OutOfOrderReplayTest {

    private static Migration migration(String version, String tag, String sql) {
        return Migration.of(new MigrationEntry(version, version + "_" + tag, 0L, "drizzle/" + version + "_" + tag
                + "/migration.sql", "drizzle/" + version + "_" + tag + "/snapshot.json"), "drizzle/" + version + "_"
                + tag + "/migration.sql", sql);
    }

    private static final Migration INIT = migration("1", "init", "CREATE TABLE users (id integer PRIMARY KEY);");
    private static final Migration POSTS = migration("3", "posts", "CREATE TABLE posts (id integer PRIMARY KEY);");
    private final OutOfOrderReplay replay = new OutOfOrderReplay(Set.of("__writerflow_history"));

    @Test
    void anIndependentMigrationPasses() throws Exception {
        assertEquals(Optional.empty(), replay.check(List.of(INIT, POSTS),
                List.of(migration("2", "tags", "CREATE TABLE tags (id integer);"))));
    }

    @Test
    void oneThatAltersATableALaterMigrationDroppedFailsNamingBoth() throws Exception {
        Migration drop = migration("3", "drop_users", "DROP TABLE users;");
        Migration early = migration("2", "name", "ALTER TABLE users ADD name text;");

        OutOfOrderReplay.Conflict conflict = replay.check(List.of(INIT, drop), List.of(early)).orElseThrow();

        assertEquals(early, conflict.migration());
        assertEquals(drop, conflict.later());
        assertEquals("users", conflict.table());
        assertTrue(conflict.problem().contains("no such table"), conflict.problem());
        assertTrue(conflict.problem().contains("drizzle/2_name/migration.sql:1 (statement 1)"), conflict.problem());
    }

    @Test
    void anAppliedMigrationTheReplayCannotRunIsSaid() throws Exception {
        Migration serverOnly = migration("3", "vector", "CREATE TABLE v (e F32_BLOB(3)); SELECT vector32('[1,2,3]');");

        OutOfOrderReplay.Conflict conflict = replay.check(List.of(INIT, serverOnly),
                List.of(migration("2", "tags", "CREATE TABLE tags (id integer);"))).orElseThrow();

        assertEquals(serverOnly, conflict.migration());
        assertNull(conflict.later());
        assertTrue(conflict.problem().contains("cannot tell"), conflict.problem());
    }
}
