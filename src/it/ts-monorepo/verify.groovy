import groovy.json.JsonSlurper

import java.nio.file.Files

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// prebuild.groovy ran: the workspace link is there, and nothing was built into packages/db/dist
Files.isSymbolicLink(basedir.toPath().resolve('node_modules/@acme/db')) || fail('node_modules/@acme/db is not a link')
!new File(basedir, 'packages/db/dist').exists() || fail('packages/db/dist exists: the test must read the sources')

// 1. generate: into drizzle.config.ts's out, apps/api/drizzle
!new File(basedir, 'drizzle').exists() || fail('drizzle/ was written: drizzle.config.ts says out: "./apps/api/drizzle"')
def out = new File(basedir, 'apps/api/drizzle')
def sqlFiles = out.listFiles().findAll { it.name.endsWith('.sql') }*.name
def tag = '0000_create_api_keys_organizations_users' // named after the change (the plugin's tag, not drizzle-kit's random one)
sqlFiles as Set == ["${tag}.sql".toString(), "${tag}.down.sql".toString()] as Set ||
        fail("expected ${tag}.sql and its down migration alone in apps/api/drizzle/, got ${sqlFiles}")
lines.any { it ==~ /\[INFO\] Wrote apps\/api\/drizzle\/${tag}\.sql \(5 statements\) and apps\/api\/drizzle\/meta\/0000_snapshot\.json in \d+ ms/ } ||
        fail("no 'Wrote' line for ${tag}")
def sql = new File(out, "${tag}.sql").getText('UTF-8')
// the tables apps/api's schema exports: its own api_keys, and organizations and users re-exported by name from
// @acme/db (read from packages/db/src through the package's "types" export); @acme/db's audit_events, which the
// schema does not export, is not part of this database. Order: the module's exports by name.
def creates = (sql =~ /CREATE TABLE `(\w+)`/).collect { it[1] }
creates == ['api_keys', 'organizations', 'users'] || fail("CREATE TABLE order differs from drizzle-kit's: ${creates}")
def expected = """CREATE TABLE `api_keys` (
\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
\t`organization_id` integer NOT NULL,
\t`created_by` integer,
\t`prefix` text(8) NOT NULL,
\t`hash` text NOT NULL,
\t`last_used_at` integer,
\t`created_at` integer DEFAULT (unixepoch()) NOT NULL,
\tFOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
\tFOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `api_keys_organization_idx` ON `api_keys` (`organization_id`);--> statement-breakpoint
CREATE TABLE `organizations` (
\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
\t`name` text NOT NULL,
\t`plan` text DEFAULT 'free' NOT NULL,
\t`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
\t`organization_id` integer NOT NULL,
\t`email` text NOT NULL,
\t`is_admin` integer DEFAULT false NOT NULL,
\tFOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_org_email_idx` ON `users` (`organization_id`,`email`);"""
sql == expected || fail("${tag}.sql differs from drizzle-kit's:\n${sql}")

def journal = new JsonSlurper().parse(new File(out, 'meta/_journal.json'))
assert journal.entries*.tag == [tag]
def snapshot = new JsonSlurper().parse(new File(out, 'meta/0000_snapshot.json'))
assert snapshot.tables.keySet() as List == ['api_keys', 'organizations', 'users']

// 2. apply: into apps/api/api.db, the plain path of dbCredentials.url
lines.any { it ==~ /\[INFO\] Applied ${tag} \(5 statements\) in \d+ ms/ } || fail("no 'Applied ${tag}' line")
lines.any { it ==~ /\[INFO\] 1 migration applied in \d+ ms; database at ${tag}/ } || fail('no apply summary line')
def db = new File(basedir, 'apps/api/api.db')
db.isFile() || fail('apps/api/api.db (dbCredentials.url in drizzle.config.ts) was not created')
new String(db.bytes, 0, 16, 'ISO-8859-1') == 'SQLite format 3\u0000' || fail('apps/api/api.db is not an SQLite database')
!new File(basedir, 'local.db').exists() || fail('the default file:local.db was used instead of drizzle.config.ts\'s URL')

// 3. status
lines.contains("[INFO] Database file:./apps/api/api.db, migrations in apps/api/drizzle, at ${tag}".toString()) ||
        fail('no status header')
lines.any { it ==~ /\[INFO\]\s+${tag}\s+applied\s+applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC.*/ } ||
        fail("no 'applied' row for ${tag}")
lines.contains("[INFO] Drift: none (compared with apps/api/drizzle/meta/0000_snapshot.json).".toString()) || fail('drift found')
lines.contains('[INFO] 1 applied, 0 pending.') || fail('no counts line')

// 4. the second generate: nothing to write
lines.any { it ==~ /\[INFO\] No schema changes, nothing to write \(\d+ ms\)\./ } || fail('the second generate wrote something')
assert out.list() as Set == ["${tag}.sql".toString(), "${tag}.down.sql".toString(), 'meta'] as Set

!log.contains('[WARNING]') || fail('unexpected warnings')
return true
