def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

def schema = new File(basedir, 'src/lib/db/schema.ts')
schema.isFile() || fail('pull did not write src/lib/db/schema.ts')
def code = schema.getText('UTF-8')
['sqliteTable("authors"', 'sqliteTable("posts"', 'primaryKey({ autoIncrement: true })',
 '.references(() => authors.id, { onDelete: "cascade" })', 'wordCount: integer("word count")',
 'check("posts_score_check", sql`"score" >= 0`)', 'sqliteView("live_posts", {})',
 '.where(sql`"status" = \'live\'`)', 'text({ length: 200 })'].each { s ->
    code.contains(s) || fail("schema.ts lacks ${s}:\n${code}")
}
new File(basedir, 'drizzle/0000_baseline.sql').isFile() || fail('no baseline migration')
new File(basedir, 'drizzle/meta/0000_snapshot.json').isFile() || fail('no baseline snapshot')
new File(basedir, 'drizzle/meta/_journal.json').isFile() || fail('no journal')
log.contains('it reads back as the database\'s schema') || fail('pull did not say the code reads back')
log.contains('Recorded file:local.db as at 0000_baseline without running it') || fail('the database was not recorded')
log.contains('No schema changes, nothing to write') || fail('generate after pull found changes')
log.contains('already has migrations, the latest 0000_baseline') || fail('the second pull was not refused')
!new File(basedir, 'drizzle/0001_baseline.sql').exists() || fail('the refused pull wrote a migration')
def js = new File(basedir, 'js/schema.js')
js.isFile() || fail('pull -Dwriterflow.pullLanguage=js did not write js/schema.js')
!js.getText('UTF-8').contains(': string') || fail('the JavaScript has TypeScript in it')
!js.getText('UTF-8').contains('history') || fail('the JavaScript pulled the plugin\'s history table')
log.contains('Recorded file:js.db as at 0000_baseline without running it') || fail('js.db was not recorded')
new File(basedir, 'js/drizzle/0000_baseline.sql').isFile() || fail('no baseline for the JavaScript pull')
return true
