def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }
def drizzle = new File(basedir, 'drizzle')

log.contains('0001_tags -> 0002_tags') || fail('rebase did not move 0001_tags to 0002_tags')
log.contains('Rebased 1 migration onto') || fail('rebase did not say what it did')
!new File(drizzle, '0001_tags.sql').exists() || fail('0001_tags.sql is still there')
new File(drizzle, '0002_tags.sql').text.contains('CREATE TABLE `tags`') || fail('0002_tags.sql does not create tags')
new File(drizzle, 'meta/0002_snapshot.json').exists() || fail('0002_tags has no snapshot')
// main's migrations stay byte for byte
['0000_init.sql', '0001_posts.sql', 'meta/0000_snapshot.json', 'meta/0001_snapshot.json'].each { f ->
    new File(drizzle, f).bytes == new File(basedir, "fixtures/main/${f}").bytes || fail("${f} is not main's")
}
// the database that had main's migrations applied only the branch's, renumbered
log.contains('Applied 0002_tags') || fail('apply did not apply 0002_tags')
!log.contains('Applied 0001_tags') || fail('apply applied the branch\'s migration under its old number')
log.contains('Migrations in drizzle are consistent and capture schema.js.') || fail('check did not pass on the result')
log.contains('drizzle has uncommitted changes') || fail('the second rebase did not refuse the uncommitted result')
return true
