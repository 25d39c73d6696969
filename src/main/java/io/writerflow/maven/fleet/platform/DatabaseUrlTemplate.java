package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.settings.DatabaseUrlParser;
import io.writerflow.maven.settings.ParsedUrl;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a discovered database is reached ({@code writerflow.databaseUrlTemplate}, default {@code libsql://{hostname}}):
 * {@code {hostname}} and {@code {name}} are replaced by the database's hostname and name as the Platform API lists
 * them, so that a private network, a proxy or a test ({@code http://{hostname}}) can stand between. A template
 * carrying {@code ?authToken=} is refused, as a list of databases carrying one is.
 */
public record DatabaseUrlTemplate(String text) {

    public static final String DEFAULT = "libsql://{hostname}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    public DatabaseUrlTemplate {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("hostname") && !m.group(1).equals("name")) {
                throw new WriterflowException("writerflow.databaseUrlTemplate is '" + text + "', whose placeholder {"
                        + m.group(1) + "} writerflow does not know; nothing was run.", "Use {hostname} (the"
                        + " database's hostname, such as tenant-1-acme.turso.io) and {name}, such as the default "
                        + DEFAULT + ".");
            }
        }
    }

    /** Parses {@code text}; null or blank is the default. */
    public static DatabaseUrlTemplate parse(String text) {
        return new DatabaseUrlTemplate(text == null || text.isBlank() ? DEFAULT : text.strip());
    }

    /** The URL of {@code database}; a relative {@code file:} URL resolves against {@code baseDir}. */
    public DatabaseUrl url(PlatformDatabase database, Path baseDir) {
        String raw = text.replace("{hostname}", database.hostname()).replace("{name}", database.name());
        String setting = "writerflow.databaseUrlTemplate (for database '" + database.name() + "')";
        ParsedUrl url;
        try {
            url = DatabaseUrlParser.parse(raw, baseDir, setting);
        } catch (WriterflowException e) {
            throw new WriterflowException(e.problem() + " Nothing was run.", e.nextStep(), e);
        }
        if (url.authToken().isPresent()) {
            throw new WriterflowException("writerflow.databaseUrlTemplate carries a token (?authToken=); a POM or"
                    + " command line is easily shared, so writerflow refuses tokens in it. Nothing was run.",
                    "Remove ?authToken=... from the template (and revoke that token if it was shared); the"
                            + " databases get a group token minted through the Platform API, or TURSO_AUTH_TOKEN, or"
                            + " WRITERFLOW_TOKEN_<NAME> per database.");
        }
        return url.url();
    }
}
