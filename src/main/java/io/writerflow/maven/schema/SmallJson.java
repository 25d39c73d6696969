package io.writerflow.maven.schema;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import io.writerflow.maven.WriterflowException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the small JSON documents every goal reads before its work (drizzle's journal, drizzle.config's value)
 * with minimal-json, naming file:line:column of a syntax error as {@link JsonFiles} does. Not Jackson: its first
 * parse in a fresh Maven loads about 100 classes, 50 to 70 ms of a goal that has 200 ms of work; minimal-json loads
 * 13, about 10 ms. Jackson stays for the snapshots, whose layout must be drizzle-kit's to the byte, and for
 * large or streamed documents.
 *
 * <p>The accessors read a value as Jackson's {@code JsonNode} methods of the same purpose did ({@code path},
 * {@code asText}, {@code asBoolean}, {@code isIntegralNumber}), so the files mean what they meant.
 */
public final class SmallJson {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private SmallJson() {
    }

    /**
     * @param displayName the file as users see it; named in the error with the position
     * @return the document's root, or empty when the content is blank
     */
    public static Optional<JsonValue> parse(String content, String displayName) {
        String json = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parse(json));
        } catch (ParseException e) {
            String position = ":" + e.getLine() + ":" + e.getColumn();
            String problem = e.getMessage().endsWith(" at " + e.getLocation())
                    ? e.getMessage().substring(0, e.getMessage().length() - (" at " + e.getLocation()).length())
                    : e.getMessage();
            throw new WriterflowException(displayName + position + ": malformed JSON: " + problem,
                    "Fix the JSON at that position, or restore the committed file with 'git checkout -- "
                            + displayName + "'.");
        }
    }

    /** The member {@code name} of an object; empty for anything else, or when it is missing. */
    public static Optional<JsonValue> member(JsonValue value, String name) {
        return value != null && value.isObject() ? Optional.ofNullable(value.asObject().get(name)) : Optional.empty();
    }

    /** The member {@code name} of an object, or an empty object: for reading nested settings that may be absent. */
    public static JsonValue path(JsonValue value, String name) {
        return member(value, name).orElseGet(JsonObject::new);
    }

    /** A string as it is, a number or boolean as written; {@code otherwise} for anything else. */
    public static String text(JsonValue value, String otherwise) {
        if (value == null || value.isNull() || value.isObject() || value.isArray()) {
            return otherwise;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    /** A boolean, an integer (not zero is true), the strings "true" and "false"; {@code otherwise} for anything else. */
    public static boolean bool(JsonValue value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isBoolean()) {
            return value.isTrue();
        }
        if (value.isNumber()) {
            return integer(value).map(number -> number != 0).orElse(otherwise);
        }
        if (value.isString() && (value.asString().strip().equals("true") || value.asString().strip().equals("false"))) {
            return value.asString().strip().equals("true");
        }
        return otherwise;
    }

    /** A number written as an integer (no fraction or exponent) that fits a long. */
    public static Optional<Long> integer(JsonValue value) {
        if (value == null || !value.isNumber() || !INTEGER.matcher(value.toString()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.toString()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // beyond a long
        }
    }

    /** A number that fits a long, a fraction cut off; empty for anything else. */
    public static Optional<Long> wholeNumber(JsonValue value) {
        Optional<Long> exact = integer(value);
        if (exact.isPresent() || value == null || !value.isNumber()) {
            return exact;
        }
        double number = value.asDouble();
        return number >= Long.MIN_VALUE && number <= Long.MAX_VALUE ? Optional.of((long) number) : Optional.empty();
    }

    /** What a value is, as messages name it: object, array, string, number, boolean or null. */
    public static String kind(JsonValue value) {
        return value.isObject() ? "object" : value.isArray() ? "array" : value.isString() ? "string"
                : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "null";
    }
}
