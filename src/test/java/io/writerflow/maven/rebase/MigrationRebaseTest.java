package io.writerflow.maven.rebase;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.DirectoryCheck;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** writerflow:rebase on real git repositories: two branches each adding a migration, merged, rebased. */
class MigrationRebaseTest {

    static final String USERS = """
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey(),
              email: text("email").notNull(),
            });
            """;
    static final String USERS_WITH_NAME = """
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey(),
              email: text("email").notNull(),
              name: text("name"),
            });
            """;
    static final String USERS_WITH_AGE = """
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey(),
              email: text("email").notNull(),
              age: integer("age"),
            });
            """;
    static final String USERS_WITH_BOTH = """
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey(),
              email: text("email").notNull(),
              name: text("name"),
              age: integer("age"),
            });
            """;
    static final String POSTS = """
            export const posts = sqliteTable("posts", {
              id: integer("id").primaryKey(),
              title: text("title").notNull(),
            });
            """;
    static final String TAGS = """
            export const tags = sqliteTable("tags", {
              id: integer("id").primaryKey(),
              label: text("label").notNull(),
            });
            """;

    @TempDir
    Path dir;

    @TempDir
    Path dbs;

    final List<String> log = new ArrayList<>();

    GitProject project(Optional<MigrationLayout> layout) throws Exception {
        GitProject p = new GitProject(dir, layout);
        p.generate("init", USERS);
        p.commitAll("init");
        return p;
    }

    RebaseResult rebase(GitProject p, Optional<String> onto) {
        return rebase(p, onto, RebaseRequest.AppliedMigrations.NONE);
    }

    RebaseResult rebase(GitProject p, Optional<String> onto, RebaseRequest.AppliedMigrations applied) {
        return MigrationRebase.rebase(new RebaseRequest(p.drizzle(), "drizzle", onto, applied, log::add));
    }

    /** main adds posts, the branch tags; both as 0001. */
    GitProject twoBranches(Optional<MigrationLayout> layout) throws Exception {
        GitProject p = project(layout);
        p.git("checkout", "-q", "-b", "feature");
        p.generate("tags", USERS, TAGS);
        // a file of the project's own in the directory: no migration, kept
        Files.writeString(p.drizzle().resolve("NOTES.md"), "tags are for search\n");
        p.commitAll("tags");
        p.git("checkout", "-q", "main");
        p.generate("posts", USERS, POSTS);
        p.commitAll("posts");
        p.git("checkout", "-q", "feature");
        return p;
    }

    @Test
    void renumbersTheBranchsMigrationAfterMainsAndChainsItsSnapshot() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        p.mergeMainTakingMainsDrizzle(USERS, POSTS, TAGS);
        byte[] mainSql = Files.readAllBytes(p.drizzle().resolve("0001_posts.sql"));
        byte[] mainSnapshot = Files.readAllBytes(p.drizzle().resolve("meta/0001_snapshot.json"));

        RebaseResult result = rebase(p, Optional.empty());

        assertEquals(List.of(new RebaseResult.Moved("0001_tags", "0002_tags", true)), result.moved());
        Path d = p.drizzle();
        assertArrayEquals(mainSql, Files.readAllBytes(d.resolve("0001_posts.sql")));
        assertArrayEquals(mainSnapshot, Files.readAllBytes(d.resolve("meta/0001_snapshot.json")));
        assertFalse(Files.exists(d.resolve("0001_tags.sql")));
        assertFalse(Files.exists(d.resolve("0001_tags.down.sql")));
        assertEquals("tags are for search\n", Files.readString(d.resolve("NOTES.md")));
        assertTrue(Files.readString(d.resolve("0002_tags.sql")).contains("CREATE TABLE `tags`"));
        assertTrue(Files.exists(d.resolve("0002_tags.down.sql")));
        assertTrue(Files.readString(d.resolve("meta/_journal.json")).contains("\"tag\": \"0002_tags\""));
        assertEquals(List.of(), DirectoryCheck.check(d, "drizzle"));
        // generate on the merged schema has nothing to do: the chain ends at the merged schema
        assertTrue(pending(p).isEmpty());
        assertDrizzleKitSeesNoChanges(p, NodePeers.Kit.V0_31);
        // a second run has nothing to do
        p.commitAll("rebased");
        assertFalse(rebase(p, Optional.of("main")).changed());
    }

    @Test
    void regeneratesTheSqlWhenMainChangedTheSameTable() throws Exception {
        GitProject p = project(Optional.empty());
        p.git("checkout", "-q", "-b", "feature");
        p.generate("age", USERS_WITH_AGE);
        p.commitAll("age");
        p.git("checkout", "-q", "main");
        p.generate("name", USERS_WITH_NAME);
        p.commitAll("name");
        p.git("checkout", "-q", "feature");
        p.mergeMainTakingMainsDrizzle(USERS_WITH_BOTH);

        rebase(p, Optional.empty());

        String sql = Files.readString(p.drizzle().resolve("0002_age.sql"));
        assertTrue(sql.contains("`age`"), sql);
        assertFalse(sql.contains("`name`"), sql);
        String snapshot = Files.readString(p.drizzle().resolve("meta/0002_snapshot.json"));
        assertTrue(snapshot.contains("\"name\"") && snapshot.contains("\"age\""), snapshot);
        assertEquals(List.of(), DirectoryCheck.check(p.drizzle(), "drizzle"));
        assertTrue(pending(p).isEmpty());
    }

    @Test
    void refusesAColumnBothSidesChangedDifferentlyNamingIt() throws Exception {
        GitProject p = project(Optional.empty());
        p.git("checkout", "-q", "-b", "feature");
        p.generate("age_int", USERS_WITH_AGE);
        p.commitAll("age int");
        p.git("checkout", "-q", "main");
        p.generate("age_text", USERS_WITH_AGE.replace("integer(\"age\")", "text(\"age\")"));
        p.commitAll("age text");
        p.git("checkout", "-q", "feature");
        p.mergeMainTakingMainsDrizzle(USERS_WITH_AGE);
        String before = p.git("status", "--porcelain");

        WriterflowException e = assertThrows(WriterflowException.class, () -> rebase(p, Optional.empty()));
        assertTrue(e.getMessage().contains("users.age"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was written"), e.getMessage());
        assertEquals(before, p.git("status", "--porcelain"));
    }

    @Test
    void keepsAHandWrittenMigrationAndChecksItOnMainsSchema() throws Exception {
        GitProject p = project(Optional.empty());
        p.git("checkout", "-q", "-b", "feature");
        String custom = "UPDATE `users` SET `email` = lower(`email`);\n";
        p.custom("lower_emails", custom);
        p.commitAll("custom");
        p.git("checkout", "-q", "main");
        p.generate("posts", USERS, POSTS);
        p.commitAll("posts");
        p.git("checkout", "-q", "feature");
        p.mergeMainTakingMainsDrizzle(USERS, POSTS);

        RebaseResult result = rebase(p, Optional.empty());

        assertEquals(List.of(new RebaseResult.Moved("0001_lower_emails", "0002_lower_emails", false)),
                result.moved());
        assertEquals(custom, Files.readString(p.drizzle().resolve("0002_lower_emails.sql")));
        assertTrue(Files.readString(p.drizzle().resolve("0002_lower_emails.down.sql"))
                .contains("-- Down migration of 0002_lower_emails: back to the schema of 0001_posts."));
        assertEquals(List.of(), DirectoryCheck.check(p.drizzle(), "drizzle"));
        assertTrue(pending(p).isEmpty());
    }

    @Test
    void refusesAHandWrittenMigrationMainsSchemaNoLongerRuns() throws Exception {
        GitProject p = project(Optional.empty());
        p.git("checkout", "-q", "-b", "feature");
        p.custom("fill_email", "UPDATE `users` SET `email` = 'x' WHERE `email` IS NULL;\n");
        p.commitAll("custom");
        p.git("checkout", "-q", "main");
        p.generate("drop_email", USERS.replace("  email: text(\"email\").notNull(),\n", ""));
        p.commitAll("drop email");
        p.git("checkout", "-q", "feature");
        p.mergeMainTakingMainsDrizzle(USERS.replace("  email: text(\"email\").notNull(),\n", ""));

        WriterflowException e = assertThrows(WriterflowException.class, () -> rebase(p, Optional.empty()));
        assertTrue(e.getMessage().contains("no longer runs on main's schema"), e.getMessage());
        assertTrue(e.getMessage().contains("email"), e.getMessage());
    }

    @Test
    void refusesMigrationsADatabaseAlreadyApplied() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        p.mergeMainTakingMainsDrizzle(USERS, POSTS, TAGS);

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> rebase(p, Optional.empty(), branch -> Optional.of(Set.of("0000_init", "0001_tags"))));
        assertTrue(e.getMessage().contains("already applied 0001_tags"), e.getMessage());
        assertTrue(Files.exists(p.drizzle().resolve("0001_tags.sql")));
    }

    @Test
    void refusesMigrationsAnEmbeddedDatabaseAppliedOnTheBranch() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        // the developer's database had the branch's migration before main was merged
        MigrationEngine engine = engine(p, dbs.resolve("dev.db"));
        engine.apply(engine.loadDirectory(), m -> { });
        p.mergeMainTakingMainsDrizzle(USERS, POSTS, TAGS);

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> rebase(p, Optional.empty(), new DatabaseHistory(engine)));
        assertTrue(e.getMessage().contains("already applied 0001_tags"), e.getMessage());
        assertTrue(Files.exists(p.drizzle().resolve("0001_tags.sql")));
    }

    @Test
    void appliesOnADatabaseThatHadMainsMigrations() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        p.git("checkout", "-q", "main");
        MigrationEngine engine = engine(p, dbs.resolve("prod.db"));
        assertEquals(2, engine.apply(engine.loadDirectory(), m -> { }).applied().size());
        p.git("checkout", "-q", "feature");
        p.mergeMainTakingMainsDrizzle(USERS, POSTS, TAGS);

        rebase(p, Optional.empty(), new DatabaseHistory(engine));

        assertEquals(List.of("0002_tags"), engine.apply(engine.loadDirectory(), m -> { }).applied().stream()
                .map(m -> m.tag()).toList());
        assertEquals(List.of(), engine.status(engine.loadDirectory()).migrations().stream()
                .filter(m -> m.state() != MigrationState.APPLIED).toList());
    }

    private static MigrationEngine engine(GitProject p, Path database) {
        return new MigrationEngine(TestSettings.of(p.drizzle(), TestSettings.file(database)));
    }

    @Test
    void refusesUncommittedChanges() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        p.mergeMainTakingMainsDrizzle(USERS, POSTS, TAGS);
        Files.writeString(p.drizzle().resolve("0001_posts.sql"), "-- edited\n", java.nio.file.StandardOpenOption.APPEND);

        WriterflowException e = assertThrows(WriterflowException.class, () -> rebase(p, Optional.empty()));
        assertTrue(e.getMessage().contains("uncommitted changes"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was written"), e.getMessage());
    }

    @Test
    void movesSeveralBranchMigrationsInOrder() throws Exception {
        GitProject p = project(Optional.empty());
        p.git("checkout", "-q", "-b", "feature");
        p.generate("tags", USERS, TAGS);
        p.generate("age", USERS_WITH_AGE, TAGS);
        p.commitAll("tags, age");
        p.git("checkout", "-q", "main");
        p.generate("name", USERS_WITH_NAME);
        p.commitAll("name");
        p.git("checkout", "-q", "feature");
        p.mergeMainTakingMainsDrizzle(USERS_WITH_BOTH, TAGS);

        RebaseResult result = rebase(p, Optional.empty());

        assertEquals(List.of("0002_tags", "0003_age"), result.moved().stream().map(RebaseResult.Moved::to).toList());
        assertEquals(List.of(), DirectoryCheck.check(p.drizzle(), "drizzle"));
        assertTrue(pending(p).isEmpty());
    }

    @Test
    void aChangeMainAlreadyMadeLeavesAMigrationThatRunsNothing() throws Exception {
        GitProject p = project(Optional.empty());
        p.git("checkout", "-q", "-b", "feature");
        p.generate("tags", USERS, TAGS);
        p.commitAll("tags");
        p.git("checkout", "-q", "main");
        p.generate("tags_too", USERS, TAGS);
        p.commitAll("tags too");
        p.git("checkout", "-q", "feature");
        p.mergeMainTakingMainsDrizzle(USERS, TAGS);

        rebase(p, Optional.empty());

        assertEquals("-- 0001_tags's changes were already made by main's migrations.\n",
                Files.readString(p.drizzle().resolve("0002_tags.sql")));
        assertEquals(List.of(), DirectoryCheck.check(p.drizzle(), "drizzle"));
        assertTrue(pending(p).isEmpty());
    }

    @Test
    void refusesAMergeInProgress() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        p.gitMayFail("merge", "--no-edit", "main");
        WriterflowException e = assertThrows(WriterflowException.class, () -> rebase(p, Optional.empty()));
        assertTrue(e.getMessage().contains("merge is in progress"), e.getMessage());
    }

    @Test
    void refusesAnUnknownRef() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        WriterflowException e = assertThrows(WriterflowException.class, () -> rebase(p, Optional.of("nope")));
        assertTrue(e.getMessage().contains("writerflow.onto=nope names no commit"), e.getMessage());
    }

    @Test
    void asksForOntoWhenHeadIsNoMerge() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        WriterflowException e = assertThrows(WriterflowException.class, () -> rebase(p, Optional.empty()));
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
        assertTrue(e.nextStep().contains("-Dwriterflow.onto=main"), e.nextStep());
    }

    @Test
    void rebasesOntoARefBeforeMerging() throws Exception {
        GitProject p = twoBranches(Optional.empty());
        RebaseResult result = rebase(p, Optional.of("main"));
        assertEquals("0002_tags", result.moved().get(0).to());
        assertTrue(Files.exists(p.drizzle().resolve("0001_posts.sql")));
        assertEquals(List.of(), DirectoryCheck.check(p.drizzle(), "drizzle"));
    }

    @Test
    void foldersLayout() throws Exception {
        GitProject p = twoBranches(Optional.of(MigrationLayout.FOLDERS));
        // drizzle-kit 1.0's folders merge without a conflict; only schema.js does
        p.mergeMainTakingMainsDrizzle(USERS, POSTS, TAGS);
        assertFalse(DirectoryCheck.check(p.drizzle(), "drizzle").isEmpty()); // two ends of the chain

        RebaseResult result = rebase(p, Optional.empty());

        assertEquals(1, result.moved().size());
        assertTrue(result.moved().get(0).to().endsWith("_tags"));
        assertEquals(List.of(), DirectoryCheck.check(p.drizzle(), "drizzle"));
        assertTrue(pending(p).isEmpty());
        assertDrizzleKitSeesNoChanges(p, NodePeers.Kit.V1);
    }

    private static void assertDrizzleKitSeesNoChanges(GitProject p, NodePeers.Kit kit) throws Exception {
        NodePeers.linkNodeModules(kit, p.root);
        Files.writeString(p.root.resolve("drizzle.config.js"),
                "export default { dialect: \"sqlite\", schema: \"./schema.js\", out: \"./drizzle\" };\n");
        NodePeers.Run run = NodePeers.drizzleKit(kit, p.root, "generate", "--name", "noop");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("No schema changes"), run.output());
    }

    private List<?> pending(GitProject p) {
        return new MigrationGenerator(new DrizzleSchemaLoader()).pendingChanges(new GenerateRequest(
                SchemaInput.of(p.root.resolve("schema.js"), "schema.js"), p.drizzle(), "drizzle", Optional.empty(),
                false, "", false, 0L, Optional.empty(), MigrationPrefix.INDEX, true));
    }
}
