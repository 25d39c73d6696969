package io.writerflow.maven.libsql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Hrana values in Java and JSON. A Hrana value is one of {@code {"type":"null"}},
 * {@code {"type":"integer","value":"123"}} (a 64-bit integer as a decimal string), {@code {"type":"float","value":1.5}},
 * {@code {"type":"text","value":"..."}} and {@code {"type":"blob","base64":"..."}}.
 *
 * <p>In Java they are {@code null}, {@link Long}, {@link Double}, {@link String} and {@code byte[]}. Encoding also
 * accepts the other integral types, {@link Float}, {@link Boolean} (0/1), {@link BigInteger} and {@link BigDecimal}
 * (integers that fit 64 bits; a {@link BigDecimal} with a fraction is sent as text so no digit is lost).
 */
public final class HranaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private HranaValues() {
    }

    /** The Hrana JSON for a Java value. */
    public static ObjectNode encode(Object value) throws SQLException {
        ObjectNode node = JSON.objectNode();
        if (value == null) {
            return node.put("type", "null");
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return node.put("type", "integer").put("value", value.toString());
        }
        if (value instanceof Boolean b) {
            return node.put("type", "integer").put("value", b ? "1" : "0");
        }
        if (value instanceof BigInteger big) {
            if (big.compareTo(MIN) < 0 || big.compareTo(MAX) > 0) {
                throw new SQLException("The integer " + big + " does not fit SQLite's 64-bit INTEGER", "22003");
            }
            return node.put("type", "integer").put("value", big.toString());
        }
        if (value instanceof BigDecimal dec) {
            try {
                return encode(dec.toBigIntegerExact());
            } catch (ArithmeticException notIntegral) {
                return node.put("type", "text").put("value", dec.toPlainString());
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                // SQLite stores NaN as NULL; JSON has no NaN.
                return node.put("type", "null");
            }
            if (Double.isInfinite(d)) {
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
        if (value instanceof Character c) {
            return node.put("type", "text").put("value", c.toString());
        }
        throw new SQLException("A " + value.getClass().getName()
                + " cannot be sent to libSQL; use null, a number, a String or a byte[]", "22023");
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
