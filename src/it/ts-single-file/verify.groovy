import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// 1. generate: one migration in drizzle-kit 0.31's layout, the SQL drizzle-kit 0.31.11 writes for src/db/schema.ts
def drizzle = new File(basedir, 'drizzle')
def sqlFiles = drizzle.listFiles().findAll { it.name.endsWith('.sql') }*.name
def tag = '0000_create_posts_users' // named after the change (the plugin's tag, not drizzle-kit's random one)
sqlFiles as Set == ["${tag}.sql".toString(), "${tag}.down.sql".toString()] as Set ||
        fail("expected ${tag}.sql and its down migration alone in drizzle/, got ${sqlFiles}")
lines.any { it ==~ /\[INFO\] Wrote drizzle\/${tag}\.sql \(4 statements\) and drizzle\/meta\/0000_snapshot\.json in \d+ ms/ } ||
        fail("no 'Wrote' line for ${tag}")
def expected = '''CREATE TABLE `posts` (
\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
\t`author_id` integer NOT NULL,
\t`title` text NOT NULL,
\t`status` text DEFAULT 'draft' NOT NULL,
\t`metadata` text,
\t`rating` real,
\t`created_at` integer DEFAULT (unixepoch()) NOT NULL,
\t`updated_at` integer,
\tFOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`);--> statement-breakpoint
CREATE TABLE `users` (
\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
\t`email` text NOT NULL,
\t`display_name` text(80),
\t`role` text DEFAULT 'viewer' NOT NULL,
\t`created_at` integer DEFAULT (unixepoch()) NOT NULL,
\t`updated_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);'''
def sql = new File(drizzle, "${tag}.sql").getText('UTF-8')
sql == expected || fail("${tag}.sql differs from drizzle-kit's:\n${sql}")

def journal = new JsonSlurper().parse(new File(drizzle, 'meta/_journal.json'))
assert journal.dialect == 'sqlite'
assert journal.version == '7'
assert journal.entries.size() == 1
assert journal.entries[0].idx == 0 && journal.entries[0].version == '6' && journal.entries[0].breakpoints == true
assert journal.entries[0].tag == tag
def snapshot = new JsonSlurper().parse(new File(drizzle, 'meta/0000_snapshot.json'))
assert snapshot.version == '6'
assert snapshot.tables.keySet() == ['posts', 'users'] as Set
assert snapshot.tables.users.columns.role.type == 'text'
assert snapshot.tables.posts.foreignKeys.values()*.tableTo == ['users']

// 2. apply: into app.db, which drizzle.config.ts names through process.env.DATABASE_URL from .env.local
lines.any { it ==~ /\[INFO\] Applied ${tag} \(4 statements\) in \d+ ms/ } || fail("no 'Applied ${tag}' line")
lines.any { it ==~ /\[INFO\] 1 migration applied in \d+ ms; database at ${tag}/ } || fail('no apply summary line')
def db = new File(basedir, 'app.db')
db.isFile() || fail('app.db (DATABASE_URL in .env.local, through drizzle.config.ts) was not created')
!new File(basedir, 'local.db').exists() || fail('the default file:local.db was used instead of drizzle.config.ts\'s URL')
new String(db.bytes, 0, 16, 'ISO-8859-1') == 'SQLite format 3\u0000' || fail('app.db is not an SQLite database')

// 3. status: the database and directory drizzle.config.ts names
lines.any { it.startsWith("[INFO] Database file:app.db, migrations in drizzle, at ${tag}") } || fail('no status header')
lines.any { it ==~ /\[INFO\]\s+${tag}\s+applied\s+applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC.*/ } ||
        fail("no 'applied' row for ${tag}")
lines.contains("[INFO] Drift: none (compared with drizzle/meta/0000_snapshot.json).".toString()) || fail('drift found')
lines.contains('[INFO] 1 applied, 0 pending.') || fail('no counts line')

// 4. the second generate: nothing to write
lines.any { it ==~ /\[INFO\] No schema changes, nothing to write \(\d+ ms\)\./ } || fail('the second generate wrote something')
assert drizzle.list() as Set == ["${tag}.sql".toString(), "${tag}.down.sql".toString(), "meta"] as Set
assert new File(drizzle, 'meta').list().sort() == ['0000_snapshot.json', '_journal.json']

!log.contains('[WARNING]') || fail('unexpected warnings')
return true
