import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// 1. generate: drizzle.config.ts's out (./migrations), not drizzle/; the schema is every file the glob
//    ./src/db/schema/* matches, the barrel index.ts included
!new File(basedir, 'drizzle').exists() || fail('drizzle/ was written: drizzle.config.ts says out: "./migrations"')
def migrations = new File(basedir, 'migrations')
def sqlFiles = migrations.listFiles().findAll { it.name.endsWith('.sql') }*.name
def tag = '0000_create_sessions_users_memberships_etc' // named after the change (the plugin's tag, not drizzle-kit's random one)
sqlFiles as Set == ["${tag}.sql".toString(), "${tag}.down.sql".toString()] as Set ||
        fail("expected ${tag}.sql and its down migration alone in migrations/, got ${sqlFiles}")
lines.any { it ==~ /\[INFO\] Wrote migrations\/${tag}\.sql \(11 statements\) and migrations\/meta\/0000_snapshot\.json in \d+ ms/ } ||
        fail("no 'Wrote' line for ${tag}")
def sql = new File(migrations, "${tag}.sql").getText('UTF-8')

// drizzle-kit's table order: the files in glob order (auth.ts, index.ts, projects.ts, workspaces.ts); in each
// module its own exports by name, then those of each `export * from` in order; a table already seen is skipped.
// So auth.ts gives sessions, users; index.ts then adds workspaces.ts's (memberships, workspaces) before
// projects.ts's (projects, tasks), as its export * lines are ordered.
def creates = (sql =~ /CREATE TABLE `(\w+)`/).collect { it[1] }
creates == ['sessions', 'users', 'memberships', 'workspaces', 'projects', 'tasks'] ||
        fail("CREATE TABLE order differs from drizzle-kit's: ${creates}")

// the whole file as drizzle-kit 0.31.11 writes it for this project
def expected = """CREATE TABLE `sessions` (
\t`id` text PRIMARY KEY NOT NULL,
\t`user_id` text NOT NULL,
\t`expires_at` integer NOT NULL,
\tFOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_id_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
\t`id` text PRIMARY KEY NOT NULL,
\t`email` text NOT NULL,
\t`name` text,
\t`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `memberships` (
\t`workspace_id` text NOT NULL,
\t`user_id` text NOT NULL,
\t`role` text DEFAULT 'member' NOT NULL,
\tPRIMARY KEY(`workspace_id`, `user_id`),
\tFOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
\tFOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workspaces` (
\t`id` text PRIMARY KEY NOT NULL,
\t`slug` text NOT NULL,
\t`name` text NOT NULL,
\t`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspaces_slug_unique` ON `workspaces` (`slug`);--> statement-breakpoint
CREATE TABLE `projects` (
\t`id` text PRIMARY KEY NOT NULL,
\t`workspace_id` text NOT NULL,
\t`name` text NOT NULL,
\t`archived` integer DEFAULT false NOT NULL,
\t`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
\tFOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tasks` (
\t`id` text PRIMARY KEY NOT NULL,
\t`project_id` text NOT NULL,
\t`assignee_id` text,
\t`title` text NOT NULL,
\t`done` integer DEFAULT false NOT NULL,
\t`due_at` integer,
\t`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
\tFOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
\tFOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_project_id_idx` ON `tasks` (`project_id`);--> statement-breakpoint
CREATE INDEX `tasks_open_idx` ON `tasks` (`project_id`) WHERE "tasks"."done" = 0;"""
sql == expected || fail("${tag}.sql differs from drizzle-kit's:\n${sql}")
// $defaultFn(() => createId()) is the application's business: no default in the database
!sql.contains('cuid') || fail('a value of the @paralleldrive/cuid2 stand-in reached the SQL')

def journal = new JsonSlurper().parse(new File(migrations, 'meta/_journal.json'))
assert journal.dialect == 'sqlite' // drizzle-kit 0.31 writes sqlite for dialect turso too
assert journal.entries*.tag == [tag]
def snapshot = new JsonSlurper().parse(new File(migrations, 'meta/0000_snapshot.json'))
assert snapshot.version == '6'
assert snapshot.dialect == 'sqlite'
assert snapshot.tables.keySet() as List == ['sessions', 'users', 'memberships', 'workspaces', 'projects', 'tasks']

// 2. apply: dbCredentials.url falls back to file:local.db
lines.any { it ==~ /\[INFO\] Applied ${tag} \(11 statements\) in \d+ ms/ } || fail("no 'Applied ${tag}' line")
lines.any { it ==~ /\[INFO\] 1 migration applied in \d+ ms; database at ${tag}/ } || fail('no apply summary line')
def db = new File(basedir, 'local.db')
db.isFile() || fail('local.db was not created')
new String(db.bytes, 0, 16, 'ISO-8859-1') == 'SQLite format 3\u0000' || fail('local.db is not an SQLite database')

// 3. status reads the migrations from ./migrations
lines.any { it.startsWith("[INFO] Database file:local.db, migrations in migrations, at ${tag}") } || fail('no status header')
lines.any { it ==~ /\[INFO\]\s+${tag}\s+applied\s+applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC.*/ } ||
        fail("no 'applied' row for ${tag}")
lines.contains("[INFO] Drift: none (compared with migrations/meta/0000_snapshot.json).".toString()) || fail('drift found')
lines.contains('[INFO] 1 applied, 0 pending.') || fail('no counts line')

// 4. the second generate: nothing to write
lines.any { it ==~ /\[INFO\] No schema changes, nothing to write \(\d+ ms\)\./ } || fail('the second generate wrote something')
assert migrations.list() as Set == ["${tag}.sql".toString(), "${tag}.down.sql".toString(), 'meta'] as Set

!log.contains('[WARNING]') || fail('unexpected warnings')
return true
