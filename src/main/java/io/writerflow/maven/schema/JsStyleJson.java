package io.writerflow.maven.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON exactly as JavaScript's {@code JSON.stringify(value, null, 2)} does, which is how drizzle-kit
 * writes snapshots and journals; byte-identical files keep diffs quiet when the two tools take turns.
 */
public final class JsStyleJson {

    /** Indentation by depth, built once: a snapshot has tens of thousands of indented lines. */
    private static final String[] INDENTS = new String[16];

    static {
        for (int depth = 0; depth < INDENTS.length; depth++) {
            INDENTS[depth] = "  ".repeat(depth);
        }
    }

    private JsStyleJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(8192);
        write(node, 0, out);
        return out.toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                indent(depth + 1, out);
                string(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), depth + 1, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                indent(depth + 1, out);
                write(node.get(i), depth + 1, out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isNumber() || node.isBoolean()) {
            // asText, not toString: JsonNode.toString sets up an ObjectMapper (a cold JVM's 300 ms) and a
            // generator per call; for numbers and booleans the two print the same
            out.append(node.asText());
        } else {
            out.append("null");
        }
    }

    private static void indent(int depth, StringBuilder out) {
        out.append(depth < INDENTS.length ? INDENTS[depth] : "  ".repeat(depth));
    }

    /** JSON.stringify's escaping: quotes, backslashes and control characters; everything else as is. */
    static void string(String value, StringBuilder out) {
        out.append('"');
        int plain = 0;
        while (plain < value.length() && isPlain(value.charAt(plain))) {
            plain++;
        }
        out.append(value, 0, plain); // most names and types need no escaping: copied at once
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogatePair(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                        if (Character.isHighSurrogate(c)) {
                            out.append(value.charAt(++i));
                        }
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
    }

    private static boolean validSurrogatePair(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }
}
