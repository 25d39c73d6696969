package io.writerflow.maven.lint;

import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.database.SingleConnectionDataSource;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotCodec;
import io.writerflow.maven.schema.introspect.SqliteIntrospector;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.DrizzleDirectory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A drizzle directory of hand-written migrations, each with the snapshot of what its SQL creates. */
final class LintFixture {

    private final Path root;
    private final DrizzleDirectory drizzle;
    private final StringBuilder sqlSoFar = new StringBuilder();
    private String previousId = Snapshot.ORIGIN;

    LintFixture(Path project) {
        this.root = project.resolve("drizzle");
        this.drizzle = DrizzleDirectory.journal(root);
    }

    Path root() {
        return root;
    }

    /** A migration with a snapshot of the schema after it (as generate writes one). */
    LintFixture migration(String tag, String sql) throws Exception {
        drizzle.migration(tag, sql);
        sqlSoFar.append(sql.replace("--> statement-breakpoint", "")).append(";\n");
        String id = UUID.nameUUIDFromBytes(tag.getBytes()).toString();
        drizzle.snapshot(tag, SnapshotCodec.write(new Snapshot(id, previousId, schemaOf(sqlSoFar.toString()),
                Snapshot.Renames.NONE)));
        previousId = id;
        return this;
    }

    /** A migration without a snapshot: the one under review, or a hand-written directory's. */
    LintFixture unsnapshotted(String tag, String sql) throws Exception {
        drizzle.migration(tag, sql);
        return this;
    }

    MigrationDirectory directory() {
        return MigrationDirectory.load(root, "drizzle");
    }

    /** Lints the latest migration for a SQLite file. */
    LintResult lintLatest(LintFailOn failOn) {
        return Lint.run(directory(), new LintSettings(Optional.empty(), () -> LintTarget.SQLITE, failOn),
                Optional::empty);
    }

    LintResult lintLatest() {
        return lintLatest(LintFailOn.ERROR);
    }

    static Schema schemaOf(String sql) throws Exception {
        try (SingleConnectionDataSource db = EmbeddedDatabases.open(new DatabaseUrl.Memory(), "test", false,
                Duration.ZERO); Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            return new SqliteIntrospector(List.of()).read(c);
        }
    }
}
