package io.writerflow.maven.settings;

import io.writerflow.maven.WriterflowException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The query of a database URL, read as @libsql/client reads it: {@code &}-separated pairs, {@code +} for a space,
 * percent-decoded, a key without {@code =} has the empty value, and a repeated key's last value counts.
 *
 * @param options each pair in order, decoded, with the text it was written as
 */
record UrlQuery(List<Option> options) {

    /** One {@code key=value} pair; {@code raw} is how the URL spelled it, for showing the URL again. */
    record Option(String key, String value, String raw) {
        @Override
        public String toString() {
            return "Option[" + key + "]"; // the value may be a token
        }
    }

    static final UrlQuery NONE = new UrlQuery(List.of());

    UrlQuery {
        options = List.copyOf(options);
    }

    /** @param setting where the URL came from, for the error about a malformed percent escape */
    static UrlQuery parse(String raw, String setting) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        List<Option> options = new ArrayList<>();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            options.add(new Option(decode(key, setting), decode(value, setting), pair));
        }
        return new UrlQuery(options);
    }

    private static String decode(String text, String setting) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the text is not shown: it may be part of a token
            throw new WriterflowException("The database URL from " + setting + " has a malformed %-escape in its"
                    + " query.", "Write a % in the URL's query as %25.");
        }
    }

    /** The value of {@code key}: its last occurrence, as @libsql/client reads repeated keys. */
    Optional<String> get(String key) {
        String value = null;
        for (Option option : options) {
            if (option.key().equals(key)) {
                value = option.value();
            }
        }
        return Optional.ofNullable(value);
    }
}
