package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.drizzle.modules.ImportScanner;
import io.writerflow.maven.schema.drizzle.modules.ModuleGraph;
import io.writerflow.maven.schema.drizzle.modules.ModuleResolver;
import io.writerflow.maven.schema.drizzle.modules.Resolution;
import io.writerflow.maven.schema.drizzle.modules.SourceFiles;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what went wrong while evaluating the schema into a {@link WriterflowException} that names the file,
 * line and column in the user's code and says what to do: a syntax error, an import that names nothing, a
 * drizzle call the recorder does not implement, a schema the recorder rejects, or an error thrown by the
 * schema's own code. Frames inside the plugin's modules are never what the user should look at.
 */
final class ScriptFailures {

    private static final String SUPPORTED_API = "writerflow reads schema.js with its own stand-in for drizzle-orm"
            + " (not node_modules), which implements drizzle-orm's SQLite schema API: sqliteTable (and"
            + " sqliteTableCreator), text, integer, real, blob, numeric, customType, index, uniqueIndex,"
            + " primaryKey, foreignKey, unique, check, sql``, relations, and views: sqliteView(name).as((qb) =>"
            + " qb.select()...), sqliteView(name, columns).as(sql``) or .existing().";

    private static final Pattern NOT_DEFINED = Pattern.compile("ReferenceError: ([\\w$]+) is not defined");
    private static final Pattern MISSING_EXPORT = Pattern.compile(
            "The requested module '(.*)' does not provide an export named '(.*)'");
    private static final Pattern MISSING_MODULE = Pattern.compile(
            "(Cannot find module|Error reading module|Cannot access module) '(.*?)' imported from (.*?)(?:: ([^:]*))?$");

    private final DisplayPaths paths;
    private final Path entry;
    private final String entrySource;
    private final ModuleGraph graph;
    private final boolean config;

    /**
     * @param config whether the code evaluated is a drizzle.config rather than a schema: the next steps then
     *               speak of the config and of the environment it reads
     */
    ScriptFailures(DisplayPaths paths, Path entry, String entrySource, ModuleGraph graph, boolean config) {
        this.paths = paths;
        this.entry = entry;
        this.entrySource = entrySource;
        this.graph = graph;
        this.config = config;
    }

    /** What was evaluated, for messages: "the schema", or the config as the user names it. */
    private String subject() {
        return config ? paths.display(entry.toString()) : "the schema";
    }

    WriterflowException translate(ScriptError e) {
        String where = e.frame().map(this::location).map(SourceLocation::toString)
                .orElse(paths.display(entry.toString()));
        return switch (e.kind()) {
            case SYNTAX -> syntaxError(where, e);
            case UNSUPPORTED -> new WriterflowException(e.at().map(this::atLocation).orElse(where)
                    + ": unsupported drizzle API: " + e.message(), SUPPORTED_API, e.cause());
            case INVALID -> new WriterflowException(e.at().map(this::atLocation).orElse(where) + ": " + e.message(),
                    "Correct the schema there; drizzle-kit would not produce a correct migration from it either.",
                    e.cause());
            case MODULE_NOT_FOUND -> {
                Optional<WriterflowException> scanned = scannedMissing();
                if (scanned.isPresent()) {
                    yield scanned.get();
                }
                Matcher missing = MISSING_MODULE.matcher(e.message());
                yield missing.find() ? missingModule(missing) : thrown(where, e);
            }
            case THROWN -> thrown(where, e);
            case STOPPED -> new WriterflowException(paths.display(entry.toString())
                    + ": evaluating " + subject() + " stopped: " + e.message(),
                    "Make sure " + (config ? "its" : "the schema's") + " code finishes (no endless loops) and run"
                            + " again.", e.cause());
            case INTERNAL -> new WriterflowException(paths.display(entry.toString()) + ": reading " + subject()
                    + " failed inside the JavaScript runtime: " + e.message(),
                    "Run again with -e to see the cause, and report it if " + (config ? "the config" : "the schema")
                            + " is valid for drizzle-kit.", e.cause());
        };
    }

    /** Whether a runtime's message is one of a module that cannot be found or read (see {@link #missingModule}). */
    static boolean isMissingModule(String message) {
        return MISSING_MODULE.matcher(firstLine(message)).find();
    }

    private WriterflowException thrown(String where, ScriptError e) {
        return new WriterflowException(where + ": " + firstLine(e.message()) + declaredLater(e), config
                ? "Fix the error in " + subject() + ", or give it what it expects: writerflow runs it as drizzle-kit"
                + " does, with process.env holding the environment and the keys of .env.local and .env that the"
                + " environment lacks (dotenv's config() reads the files it names); other packages than drizzle-kit"
                + " and dotenv are not loaded."
                : "Fix the error in the schema's code. writerflow runs it as drizzle-kit does, but without"
                + " node_modules: only drizzle-orm and the project's own files can be imported for real.",
                e.cause());
    }

    private WriterflowException syntaxError(String location, ScriptError e) {
        String message = e.message();
        Matcher export = MISSING_EXPORT.matcher(message);
        if (export.find()) {
            return missingExport(location, export.group(1), export.group(2), e.cause());
        }
        return new WriterflowException(location + ": syntax error: " + message.stripTrailing(),
                "Fix the syntax. " + (config ? subject() : "The schema") + " and the files it imports are read as"
                        + " ES modules (import/export), TypeScript transpiled without type checks, as drizzle-kit reads"
                        + " them.", e.cause());
    }

    private WriterflowException missingExport(String location, String specifier, String name, Throwable cause) {
        if (ModuleResolver.isDrizzle(specifier)) {
            boolean entryPoint = specifier.equals("drizzle-orm") || specifier.equals("drizzle-orm/sqlite-core");
            return new WriterflowException(location + ": unsupported drizzle API: '" + name + "' from \"" + specifier
                    + "\" " + (entryPoint ? "is not an export of drizzle-orm 0.45's " + specifier
                    : "is not available while writerflow reads the schema"),
                    SUPPORTED_API + " Import schema builders from \"drizzle-orm/sqlite-core\" and sql from"
                            + " \"drizzle-orm\".", cause);
        }
        if (VirtualModules.isPackageSpecifier(specifier)) {
            // a package gets a stand-in exporting the names ImportScanner found; this import escaped it
            return new WriterflowException(location + ": cannot import '" + name + "' from the package \"" + specifier
                    + "\": writerflow does not load node_modules, and did not recognise this import",
                    "Write it as a plain import { " + name + " } from \"" + specifier + "\", or keep code that needs"
                            + " the package out of the schema.", cause);
        }
        return new WriterflowException(location + ": '" + specifier + "' does not export '" + name + "'",
                "Check the import: the name must be exported by that module.", cause);
    }

    /**
     * An import the scan resolved to nothing, with the places it looked: a relative file that is not there,
     * or a tsconfig.json alias that leads nowhere.
     */
    private Optional<WriterflowException> scannedMissing() {
        for (Resolution.Missing missing : graph.missing()) {
            Optional<Path> importer = graph.importerOf(missing);
            if (importer.isEmpty()) {
                continue;
            }
            Optional<int[]> at = ImportScanner.locate(sourceOf(importer.get()), missing.specifier()::equals);
            String location = paths.display(importer.get().toString()) + at.map(a -> ":" + a[0] + ":" + a[1])
                    .orElse("");
            List<String> looked = missing.looked().stream().map(p -> paths.display(p.toString())).limit(6).toList();
            return Optional.of(new WriterflowException(location + ": cannot import \"" + missing.specifier()
                    + "\": no such file " + missing.how() + " (looked for " + String.join(", ", looked)
                    + (missing.looked().size() > looked.size() ? ", ..." : "") + ")",
                    SourceFiles.isPathSpecifier(missing.specifier())
                            ? "Check the import path: relative imports are resolved from the importing file and may"
                            + " leave out the extension or '/index', as with drizzle-kit."
                            : "Check the alias against compilerOptions.paths in tsconfig.json, or the import."));
        }
        return Optional.empty();
    }

    /**
     * "Cannot find module '/abs/columns' imported from /abs/schema.js" (a file that is not there) or "Error
     * reading module 'node:fs' imported from ...: reason" (a URL, such as Node.js's built-in modules).
     */
    private WriterflowException missingModule(Matcher missing) {
        boolean file = missing.group(1).equals("Cannot find module");
        String module = missing.group(2);
        Path importer = Path.of(missing.group(3).strip());
        String shown = paths.display(module);
        Optional<int[]> at = ImportScanner.locate(sourceOf(importer), specifier -> specifier.equals(module)
                || SourceFiles.isPathSpecifier(specifier)
                && importer.getParent().resolve(specifier).normalize().toString().equals(module));
        String location = paths.display(importer.toString()) + at.map(a -> ":" + a[0] + ":" + a[1]).orElse("");
        if (file) {
            return new WriterflowException(location + ": cannot import " + shown + ": there is no such file (nor "
                    + shown + ".js, " + shown + ".ts or " + shown + "/index.ts, and the other extensions)",
                    "Check the import path: relative imports are resolved from the importing file and may leave"
                            + " out '.js' or '/index.js', as with drizzle-kit.");
        }
        return new WriterflowException(location + ": cannot import \"" + module + "\""
                + (missing.group(4) == null ? "" : " (" + missing.group(4).strip() + ")")
                + ": while writerflow reads the schema only the project's files and packages can be imported,"
                + " not URLs or Node.js built-in modules",
                "Import from drizzle-orm, the project's own files, or packages by name ('crypto' rather than"
                        + " 'node:crypto'); code that only runs at insert time ($defaultFn) may use globals such as"
                        + " crypto.randomUUID() instead.");
    }

    private String sourceOf(Path file) {
        if (file.equals(entry) && entrySource != null) {
            return entrySource;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * GraalJS reports a constant used before its declaration has run (a table whose column refers to the
     * table itself, outside a function) as "X is not defined", where Node says "Cannot access 'X' before
     * initialization"; when the file does declare X, say so.
     */
    private String declaredLater(ScriptError e) {
        Matcher undefined = NOT_DEFINED.matcher(firstLine(e.message()));
        if (!undefined.matches() || e.frame().isEmpty()) {
            return "";
        }
        String name = undefined.group(1);
        boolean declared = Pattern.compile("\\b(?:const|let|class)\\s+" + Pattern.quote(name) + "\\b")
                .matcher(sourceOf(Path.of(e.frame().get().path()))).find();
        return declared ? " (" + name + " is declared in this file, but used before its declaration has finished;"
                + " refer to it inside a function, as in .references(() => " + name + ".id))" : "";
    }

    private SourceLocation location(ScriptError.Frame frame) {
        return new SourceLocation(paths.display(frame.path()), frame.line(), frame.column());
    }

    /** A call site the recorder captured: "path:line:column". */
    private String atLocation(String at) {
        Matcher m = Pattern.compile("^(.*):(\\d+):(\\d+)$").matcher(at);
        return m.matches() ? new SourceLocation(paths.display(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))).toString() : at;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
