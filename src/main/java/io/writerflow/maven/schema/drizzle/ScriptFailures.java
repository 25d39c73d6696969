package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final String SUPPORTED_API = "writerflow reads schema.js without Node.js and implements"
            + " drizzle-orm's SQLite schema API: sqliteTable (and sqliteTableCreator), text, integer, real, blob,"
            + " numeric, customType, index, uniqueIndex, primaryKey, foreignKey, unique, check, sql``,"
            + " relations, and sqliteView(name, columns).as(sql``) or .existing().";

    private static final Pattern PARSER_MESSAGE = Pattern.compile("^SyntaxError: .*?:\\d+:\\d+ (.*)$", Pattern.DOTALL);
    private static final Pattern NOT_DEFINED = Pattern.compile("ReferenceError: ([\\w$]+) is not defined");
    private static final Pattern MISSING_EXPORT = Pattern.compile(
            "The requested module '(.*)' does not provide an export named '(.*)'");
    private static final Pattern MISSING_MODULE = Pattern.compile(
            "(Cannot find module|Error reading module|Cannot access module) '(.*?)' imported from (.*?)(?:: ([^:]*))?$");

    private final DisplayPaths paths;
    private final VirtualModules modules;
    private final Path entry;
    private final String entrySource;

    ScriptFailures(DisplayPaths paths, VirtualModules modules, Path entry, String entrySource) {
        this.paths = paths;
        this.modules = modules;
        this.entry = entry;
        this.entrySource = entrySource;
    }

    WriterflowException translate(PolyglotException e) {
        if (e.isSyntaxError()) {
            return syntaxError(e);
        }
        if (e.isGuestException() && !e.isHostException()) {
            Value error = e.getGuestObject();
            if (error != null && error.hasMember("kind") && "WriterflowError".equals(member(error, "name"))) {
                return recorderError(e, error);
            }
            Matcher missing = MISSING_MODULE.matcher(firstLine(e.getMessage()));
            if (missing.find() && e.getSourceLocation() == null) {
                return missingModule(missing);
            }
            return new WriterflowException(where(e) + ": " + firstLine(e.getMessage()) + declaredLater(e),
                    "Fix the error in the schema's code. writerflow runs it as drizzle-kit does, but without"
                            + " Node.js: only drizzle-orm and the project's own files can be imported for real.", e);
        }
        if (e.isCancelled() || e.isExit() || e.isResourceExhausted()) {
            return new WriterflowException(paths.display(entry.toString()) + ": evaluating the schema stopped: "
                    + e.getMessage(), "Make sure the schema's code finishes (no endless loops) and run again.", e);
        }
        return new WriterflowException(paths.display(entry.toString()) + ": reading the schema failed inside the"
                + " JavaScript engine: " + e.getMessage(),
                "Run again with -e to see the cause, and report it if the schema is valid for drizzle-kit.", e);
    }

    private WriterflowException syntaxError(PolyglotException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String location = location(e.getSourceLocation()).map(SourceLocation::toString)
                .orElse(paths.display(entry.toString()));
        Matcher export = MISSING_EXPORT.matcher(message);
        if (export.find()) {
            return missingExport(location, export.group(1), export.group(2), e);
        }
        Matcher parser = PARSER_MESSAGE.matcher(message);
        String detail = parser.matches() ? parser.group(1) : message.replaceFirst("^SyntaxError: ", "");
        return new WriterflowException(location + ": syntax error: " + detail.stripTrailing(),
                "Fix the syntax. The schema and the files it imports are read as ES modules (import/export),"
                        + " as drizzle-kit reads them; TypeScript syntax is not supported.", e);
    }

    private WriterflowException missingExport(String location, String specifier, String name, PolyglotException e) {
        if (VirtualModules.isDrizzle(specifier)) {
            boolean entryPoint = specifier.equals("drizzle-orm") || specifier.equals("drizzle-orm/sqlite-core");
            return new WriterflowException(location + ": unsupported drizzle API: '" + name + "' from \"" + specifier
                    + "\" " + (entryPoint ? "is not an export of drizzle-orm 0.45's " + specifier
                    : "is not available while writerflow reads the schema"),
                    SUPPORTED_API + " Import schema builders from \"drizzle-orm/sqlite-core\" and sql from"
                            + " \"drizzle-orm\".", e);
        }
        if (VirtualModules.isPackageSpecifier(specifier)) {
            // a package gets a stand-in exporting the names ImportScanner found; this import escaped it
            return new WriterflowException(location + ": cannot import '" + name + "' from the package \"" + specifier
                    + "\": writerflow does not load node_modules, and did not recognise this import",
                    "Write it as a plain import { " + name + " } from \"" + specifier + "\", or keep code that needs"
                            + " the package out of the schema.", e);
        }
        return new WriterflowException(location + ": '" + specifier + "' does not export '" + name + "'",
                "Check the import: the name must be exported by that module.", e);
    }

    private WriterflowException recorderError(PolyglotException e, Value error) {
        String kind = member(error, "kind");
        String at = member(error, "at");
        String location = at == null ? where(e) : atLocation(at);
        String message = member(error, "message");
        if ("unsupported".equals(kind)) {
            return new WriterflowException(location + ": unsupported drizzle API: " + message, SUPPORTED_API, e);
        }
        return new WriterflowException(location + ": " + message,
                "Correct the schema there; drizzle-kit would not produce a correct migration from it either.", e);
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
                || ModuleFiles.isPathSpecifier(specifier)
                && importer.getParent().resolve(specifier).normalize().toString().equals(module));
        String location = paths.display(importer.toString()) + at.map(a -> ":" + a[0] + ":" + a[1]).orElse("");
        if (file) {
            return new WriterflowException(location + ": cannot import " + shown + ": there is no such file (nor "
                    + shown + ".js, " + shown + ".mjs or " + shown + "/index.js)",
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
        if (file.equals(entry)) {
            return entrySource;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Where a guest error happened in the user's files: the innermost frame that is not the plugin's. */
    private String where(PolyglotException e) {
        return userSection(e).flatMap(this::location).map(SourceLocation::toString)
                .orElse(paths.display(entry.toString()));
    }

    private Optional<SourceSection> userSection(PolyglotException e) {
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && location(frame.getSourceLocation()).isPresent()) {
                return Optional.of(frame.getSourceLocation());
            }
        }
        return Optional.ofNullable(e.getSourceLocation()).filter(section -> location(section).isPresent());
    }

    /**
     * GraalJS reports a constant used before its declaration has run (a table whose column refers to the
     * table itself, outside a function) as "X is not defined", where Node says "Cannot access 'X' before
     * initialization"; when the file does declare X, say so.
     */
    private String declaredLater(PolyglotException e) {
        Matcher undefined = NOT_DEFINED.matcher(firstLine(e.getMessage()));
        Optional<SourceSection> section = userSection(e);
        if (!undefined.matches() || section.isEmpty()) {
            return "";
        }
        String name = undefined.group(1);
        boolean declared = Pattern.compile("\\b(?:const|let|class)\\s+" + Pattern.quote(name) + "\\b")
                .matcher(section.get().getSource().getCharacters()).find();
        return declared ? " (" + name + " is declared in this file, but used before its declaration has finished;"
                + " refer to it inside a function, as in .references(() => " + name + ".id))" : "";
    }

    private Optional<SourceLocation> location(SourceSection section) {
        if (section == null || section.getSource() == null || section.getSource().getPath() == null) {
            return Optional.empty();
        }
        String path = section.getSource().getPath();
        if (modules.contains(Path.of(path))) {
            return Optional.empty();
        }
        return Optional.of(new SourceLocation(paths.display(path), section.getStartLine(), section.getStartColumn()));
    }

    /** A call site the recorder captured: "path:line:column". */
    private String atLocation(String at) {
        Matcher m = Pattern.compile("^(.*):(\\d+):(\\d+)$").matcher(at);
        return m.matches() ? new SourceLocation(paths.display(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))).toString() : at;
    }

    private static String member(Value object, String name) {
        Value value = object.getMember(name);
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
