import groovy.json.JsonOutput
import groovy.json.JsonSlurper

// Two branches of a real git repository, each adding migration 0001, then the branch merging main as a user
// does when the two journals conflict: main's side of drizzle/, the schema code merged by hand.
def git = { boolean mayFail = false, String... args ->
    def p = new ProcessBuilder(['git'] + (args as List)).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    p.waitFor()
    if (p.exitValue() != 0 && !mayFail) {
        throw new AssertionError("git ${args.join(' ')} failed: ${out}")
    }
    out
}
def copyTree = { File from, File to ->
    from.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        def target = new File(to, from.toPath().relativize(f.toPath()).toString())
        target.parentFile.mkdirs()
        target.bytes = f.bytes
    }
}
def header = 'import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";\n'
def users = 'export const users = sqliteTable("users", {\n  id: integer("id").primaryKey(),\n  email: text("email").notNull(),\n});\n'
def posts = 'export const posts = sqliteTable("posts", {\n  id: integer("id").primaryKey(),\n  title: text("title").notNull(),\n});\n'
def tags = 'export const tags = sqliteTable("tags", {\n  id: integer("id").primaryKey(),\n  label: text("label").notNull(),\n});\n'
def schema = new File(basedir, 'schema.js')
def drizzle = new File(basedir, 'drizzle')
def fixtures = new File(basedir, 'fixtures')

git false, 'init', '-q', '-b', 'main'
git false, 'config', 'user.name', 'IT'
git false, 'config', 'user.email', 'it@example.com'
git false, 'config', 'commit.gpgsign', 'false'
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n*.db\n*.db-*\nmain-drizzle/\n'

// the first migration, on main
new File(fixtures, 'main').eachFileRecurse(groovy.io.FileType.FILES) { f ->
    if (f.name.startsWith('0000_')) {
        def target = new File(drizzle, new File(fixtures, 'main').toPath().relativize(f.toPath()).toString())
        target.parentFile.mkdirs()
        target.bytes = f.bytes
    }
}
def journal = new JsonSlurper().parse(new File(fixtures, 'main/meta/_journal.json'))
journal.entries = journal.entries.findAll { it.idx == 0 }
new File(drizzle, 'meta/_journal.json').text = JsonOutput.prettyPrint(JsonOutput.toJson(journal))
schema.text = header + users
git false, 'add', '-A'
git false, 'commit', '-q', '-m', 'init'

git false, 'checkout', '-q', '-b', 'feature'
copyTree(new File(fixtures, 'branch'), drizzle)
schema.text = header + users + tags
git false, 'add', '-A'
git false, 'commit', '-q', '-m', 'tags'

git false, 'checkout', '-q', 'main'
copyTree(new File(fixtures, 'main'), drizzle)
copyTree(new File(fixtures, 'main'), new File(basedir, 'main-drizzle'))
schema.text = header + users + posts
git false, 'add', '-A'
git false, 'commit', '-q', '-m', 'posts'

git false, 'checkout', '-q', 'feature'
git true, 'merge', '--no-edit', 'main'
git false, 'checkout', '--theirs', '--', 'drizzle'
schema.text = header + users + posts + tags
git false, 'add', '-A'
git false, 'commit', '-q', '--no-edit'
return true
