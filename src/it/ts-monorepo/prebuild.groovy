// What `npm install` does in a workspace: link each workspace package into the root's node_modules. Done here
// rather than committed, as maven-invoker-plugin's copy of the project may not keep symbolic links.
import java.nio.file.Files
import java.nio.file.Paths

def link = basedir.toPath().resolve('node_modules/@acme/db')
Files.createDirectories(link.parent)
Files.deleteIfExists(link)
Files.createSymbolicLink(link, Paths.get('../../packages/db'))
assert Files.isDirectory(link) && Files.isRegularFile(link.resolve('src/index.ts'))
return true
