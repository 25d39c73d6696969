package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a discovered fleet is: the Turso organization ({@code writerflow.organization}), optionally one group
 * ({@code writerflow.group}) and name patterns ({@code writerflow.databases}), where the Platform API is
 * ({@code writerflow.platformUrl}), how each database is reached ({@code writerflow.databaseUrlTemplate}) and how
 * long a minted group token lasts ({@code writerflow.tokenExpiration}). Holds no token.
 */
public record DiscoverySettings(String organization, Optional<String> group, NamePatterns patterns, URI platformUrl,
        DatabaseUrlTemplate urlTemplate, String tokenExpiration) {

    /** One day: a run, even of thousands of databases, ends well within it; the token is useless soon after. */
    public static final String DEFAULT_EXPIRATION = "1d";

    /** Turso's durations: a number and a unit, repeated ({@code 2w}, {@code 1d12h}, {@code 90m}). */
    private static final Pattern EXPIRATION = Pattern.compile("(\\d{1,6}[wdhm])+");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** Reads the settings as the user gave them; null or blank takes the default. */
    public static DiscoverySettings parse(String organization, String group, String databases, String platformUrl,
            String urlTemplate, String tokenExpiration) {
        String org = organization.strip();
        slug(org, "writerflow.organization", "the organization's slug, as 'turso org list' shows it");
        Optional<String> only = Optional.ofNullable(group).map(String::strip).filter(g -> !g.isEmpty());
        only.ifPresent(g -> slug(g, "writerflow.group", "a group's name, as 'turso group list' shows it, or unset"));
        String expiration = tokenExpiration == null || tokenExpiration.isBlank() ? DEFAULT_EXPIRATION
                : tokenExpiration.strip();
        if (!EXPIRATION.matcher(expiration).matches()) {
            throw new WriterflowException("writerflow.tokenExpiration is '" + expiration + "', which is no Turso"
                    + " duration; nothing was run.", "Write a number and a unit (w, d, h, m), such as 1d (the"
                    + " default) or 12h; a token that never expires is not offered.");
        }
        return new DiscoverySettings(org, only, NamePatterns.parse(databases), platformUrl(platformUrl),
                DatabaseUrlTemplate.parse(urlTemplate), expiration);
    }

    private static void slug(String value, String setting, String expected) {
        if (!SLUG.matcher(value).matches()) {
            throw new WriterflowException(setting + " is '" + value + "', which is no Turso name; nothing was run.",
                    "Set " + setting + " to " + expected + ".");
        }
    }

    private static URI platformUrl(String text) {
        String raw = text == null || text.isBlank() ? PlatformApi.DEFAULT_URL : text.strip();
        try {
            URI uri = new URI(raw);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new WriterflowException("writerflow.platformUrl is '" + raw + "', which is no http(s) address without"
                + " query and user info; nothing was run.", "Unset it for " + PlatformApi.DEFAULT_URL
                + ", or give the address of a proxy in front of it, such as https://turso-proxy.internal:8443.");
    }

    /** The fleet as messages name it: {@code organization 'acme', group 'tenants', databases tenant-*}. */
    public String describe() {
        return "organization '" + organization + "'" + group.map(g -> ", group '" + g + "'").orElse("")
                + (patterns.all() ? "" : ", writerflow.databases " + patterns.text());
    }
}
