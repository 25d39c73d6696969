package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.DatabaseUrlParser;
import io.writerflow.maven.settings.ParsedUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * A fleet's list of databases ({@code writerflow.targets}): one database per line, its name and its URL separated
 * by blanks ({@code tenant-1 libsql://tenant-1-org.turso.io}); {@code #} starts a comment (a whole line, or after
 * blanks at a line's end), blank lines are ignored. A name is letters, digits, {@code -}, {@code _} and {@code .}.
 * A duplicate name, a line without exactly a name and a URL, a URL writerflow cannot read, or a URL carrying
 * {@code ?authToken=} fails the whole list with {@code file:line}, before any database is touched: tokens
 * come from the usual sources or {@code WRITERFLOW_TOKEN_<NAME>} (see {@link FleetTokens}), never from a file that is
 * easily committed.
 */
public final class TargetList {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s#.*$");

    private TargetList() {
    }

    /**
     * Reads the list in {@code file}, shown as {@code shownAs}; relative {@code file:} URLs resolve against
     * {@code baseDir}.
     */
    public static List<FleetTarget> read(Path file, String shownAs, Path baseDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WriterflowException("Cannot read the fleet's list of databases " + shownAs + " ("
                    + (Files.exists(file) ? e.getMessage() : "no such file") + "); nothing was run.",
                    "Point writerflow.targets at a file with one database per line: a name and a URL.", e);
        }
        return parse(lines, shownAs, baseDir);
    }

    /** Parses the lines of a list shown as {@code shownAs}. */
    public static List<FleetTarget> parse(List<String> lines, String shownAs, Path baseDir) {
        return parse(lines, line -> shownAs + ":" + line, shownAs, baseDir);
    }

    /**
     * Parses the lines of a list shown as {@code shownAs}, each line's position named by {@code at} (1-based):
     * {@code file:line} for a file, the entry's position for the POM's {@code <targets>}.
     */
    static List<FleetTarget> parse(List<String> lines, IntFunction<String> position, String shownAs, Path baseDir) {
        List<FleetTarget> targets = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = position.apply(i + 1);
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = TRAILING_COMMENT.matcher(line).replaceFirst("").strip();
            String[] parts = BLANKS.split(line);
            if (parts.length != 2) {
                throw bad(at, "has " + (parts.length == 1 ? "a name without a URL" : parts.length
                        + " words where a name and a URL belong"));
            }
            String name = parts[0];
            if (!NAME.matcher(name).matches()) {
                throw bad(at, "names its database " + quoted(name) + "; a name takes letters, digits, '-', '_' and"
                        + " '.', starting with a letter or digit");
            }
            String earlier = seen.putIfAbsent(name, at);
            if (earlier != null) {
                throw bad(at, "names " + quoted(name) + " again (first at " + earlier + ")");
            }
            ParsedUrl url;
            try {
                url = DatabaseUrlParser.parse(parts[1], baseDir, at);
            } catch (WriterflowException e) {
                throw new WriterflowException(e.problem() + " Nothing was run.", e.nextStep(), e);
            }
            if (url.authToken().isPresent()) {
                throw new WriterflowException("The URL at " + at + " carries a token (?authToken=); a list of"
                        + " databases is easily committed or shared, so writerflow refuses tokens in it. Nothing was"
                        + " run.", "Remove ?authToken=... from " + at + " (and revoke that token if the file was"
                        + " shared); give the token as TURSO_AUTH_TOKEN, -Dwriterflow.serverId, or per database as"
                        + " the environment variable " + FleetTokens.variable(name) + ".");
            }
            targets.add(new FleetTarget(name, url.url(), at));
        }
        if (targets.isEmpty()) {
            throw new WriterflowException("The fleet's list of databases " + shownAs + " names no database; nothing"
                    + " was run.", "Add one database per line to " + shownAs + ": a name and a URL.");
        }
        return List.copyOf(targets);
    }

    private static WriterflowException bad(String at, String what) {
        return new WriterflowException("The fleet's list of databases at " + at + " " + what + "; nothing was run.",
                "Write one database per line as NAME URL (such as tenant-1 libsql://tenant-1-org.turso.io), with"
                        + " # for comments.");
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    /** Whether {@code name} may name a database of a fleet. */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }
}
