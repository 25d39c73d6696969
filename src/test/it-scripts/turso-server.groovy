// Shared by the ITs that need a server (their prebuild.groovy evaluates it, found through the itScripts script
// variable). Starts the real Turso server (the tursodb binary of the repository's node_modules, as the unit tests'
// TursoServer does) on a free port with foreign keys on, and writes its URL to .env.local, where the plugin and
// db.mjs read it. verify.groovy kills it by the pid in tursodb.pid; a shutdown hook of this JVM (the outer Maven's,
// which runs the invoker scripts) kills it should a build fail unexpectedly, when verify.groovy does not run.
def binary = new File(nodeModules as String, '@tursodatabase/cli-linux-x64-gnu/tursodb')
if (!binary.canExecute()) {
    throw new AssertionError("The Turso server is not installed: ${binary} is missing; run 'npm ci' in the repository root")
}

def post = { int port, String sql ->
    def connection = (HttpURLConnection) new URL("http://127.0.0.1:${port}/v2/pipeline").openConnection()
    connection.connectTimeout = 1000
    connection.readTimeout = 5000
    connection.requestMethod = 'POST'
    connection.doOutput = true
    connection.setRequestProperty('Content-Type', 'application/json')
    connection.outputStream.withCloseable {
        it.write(groovy.json.JsonOutput.toJson([baton: null, requests: [[type: 'execute', stmt: [sql: sql]]]]).getBytes('UTF-8'))
    }
    if (connection.responseCode != 200) {
        throw new IOException("HTTP ${connection.responseCode}")
    }
    def result = new groovy.json.JsonSlurper().parse(connection.inputStream, 'UTF-8').results[0]
    if (result.type != 'ok') {
        throw new AssertionError("${sql}: ${result}")
    }
    result.response.result.rows
}

def directory = new File(basedir, 'target/tursodb')
directory.mkdirs()
def log = new File(basedir, 'tursodb.log')
for (int attempt = 0; attempt < 3; attempt++) {
    int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
    def process = new ProcessBuilder(binary.path, new File(directory, 'db.sqlite').path, '--sync-server', "127.0.0.1:${port}")
            .directory(directory).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .redirectInput(new File('/dev/null')).start()
    Runtime.runtime.addShutdownHook(new Thread({ process.destroyForcibly() }))
    long deadline = System.nanoTime() + 30_000_000_000L
    boolean ready = false
    while (!ready && process.alive && System.nanoTime() < deadline) {
        try {
            post(port, 'SELECT 1')
            ready = true
        } catch (IOException notYet) {
            Thread.sleep(50)
        }
    }
    if (!ready) {
        process.destroyForcibly()  // most likely the port was taken between choosing and binding it: another
        continue
    }
    // all of the server's clients share one connection: the plugin's requests see foreign keys on, as an app has them
    post(port, 'PRAGMA foreign_keys=ON')
    def on = post(port, 'PRAGMA foreign_keys')
    if (on[0][0].value as String != '1') {
        throw new AssertionError("foreign keys are not on: ${on}")
    }
    new File(basedir, 'tursodb.pid').setText(String.valueOf(process.pid()), 'UTF-8')
    new File(basedir, '.env.local').setText("TURSO_DATABASE_URL=http://127.0.0.1:${port}\n", 'UTF-8')
    return true
}
throw new AssertionError("tursodb did not start: ${log.exists() ? log.text : '(no output)'}")
