package io.writerflow.maven.libsql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.SQLException;
import java.util.Base64;

/**
 * Hrana values in Java and JSON. A Hrana value is one of {@code {"type":"null"}},
 * {@code {"type":"integer","value":"123"}} (a 64-bit integer as a decimal string), {@code {"type":"float","value":1.5}},
 * {@code {"type":"text","value":"..."}} and {@code {"type":"blob","base64":"..."}}.
 *
 * <p>In Java they are {@code null}, {@link Long}, {@link Double}, {@link String} and {@code byte[]}, both ways: the
 * driver's setters and the plugin's statements bind nothing else.
 */
public final class HranaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HranaValues() {
    }

    /** The Hrana JSON for a Java value. */
    public static ObjectNode encode(Object value) throws SQLException {
        ObjectNode node = JSON.objectNode();
        if (value == null) {
            return node.put("type", "null");
        }
        if (value instanceof Long) {
            return node.put("type", "integer").put("value", value.toString());
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                // SQLite stores NaN as NULL; JSON has no NaN.
                return node.put("type", "null");
            }
            if (d.isInfinite()) {
                throw new SQLException("Infinity cannot be sent over Hrana (JSON has no infinite numbers)", "22003");
            }
            return node.put("type", "float").put("value", d);
        }
        if (value instanceof String s) {
            return node.put("type", "text").put("value", s);
        }
        if (value instanceof byte[] bytes) {
            return node.put("type", "blob").put("base64", Base64.getEncoder().encodeToString(bytes));
        }
        throw new SQLException("A " + value.getClass().getName()
                + " cannot be sent to libSQL; use null, a Long, a Double, a String or a byte[]", "22023");
    }

    /** The Java value of a Hrana JSON value. */
    public static Object decode(JsonNode node) throws SQLException {
        if (node == null || node.isNull()) {
            return null;
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "null":
                return null;
            case "integer": {
                JsonNode v = node.get("value");
                try {
                    return v.isTextual() ? Long.parseLong(v.asText()) : v.longValue();
                } catch (NumberFormatException | NullPointerException e) {
                    throw new LibsqlException("The server sent an integer that is not a 64-bit integer: " + node, null);
                }
            }
            case "float": {
                JsonNode v = node.get("value");
                if (v == null || !(v.isNumber() || v.isTextual())) {
                    throw new LibsqlException("The server sent a float without a number: " + node, null);
                }
                return v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText());
            }
            case "text":
                return node.path("value").asText();
            case "blob":
                try {
                    return Base64.getDecoder().decode(node.path("base64").asText(""));
                } catch (IllegalArgumentException e) {
                    throw new LibsqlException("The server sent a blob that is not base64: " + e.getMessage(), null);
                }
            default:
                throw new LibsqlException("The server sent a value of unknown type '" + type + "'", null);
        }
    }
}
