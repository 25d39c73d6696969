package io.writerflow.maven.migrations;

/**
 * One migration of a drizzle directory, whichever its layout: what orders it, names it and dates it, and where
 * its files are.
 *
 * @param version  the history's version, increasing in directory order (as Flyway compares versions): the
 *                 journal's {@code idx} (drizzle-kit 0.31), or the folder's timestamp {@code yyyyMMddHHmmss}
 *                 (drizzle-kit 1.0), with {@code .1}, {@code .2}... for the second and later folders of one
 *                 second, which drizzle-kit 1.0 writes when it generates twice within a second
 * @param tag      the journal's tag ({@code 0003_add_tags}) or the folder's name ({@code 20261202140057_add_tags})
 * @param when     the journal's {@code when}, or the folder's timestamp read as UTC, in epoch milliseconds: what
 *                 drizzle's migrators record as {@code created_at}
 * @param sql      the SQL file, relative to the directory: {@code 0003_add_tags.sql}, {@code <folder>/migration.sql}
 * @param snapshot the snapshot, relative to the directory: {@code meta/0003_snapshot.json},
 *                 {@code <folder>/snapshot.json}
 */
public record MigrationEntry(String version, String tag, long when, String sql, String snapshot) {

    /**
     * The down migration's file, relative to the directory (see {@link DownFile}): {@code 0003_add_tags.down.sql}
     * beside the migration, or {@code <folder>/down.sql}.
     */
    public String down() {
        return DownFile.path(sql);
    }
}
