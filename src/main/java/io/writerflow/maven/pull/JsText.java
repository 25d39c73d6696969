package io.writerflow.maven.pull;

/** JavaScript literals for text: strings and the bodies of sql`` templates. */
final class JsText {

    private JsText() {
    }

    /** A double-quoted string literal holding exactly {@code text}. */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code sql`...`} holding exactly {@code text}: drizzle's tag reads the cooked strings, so a backslash, a
     * backtick and {@code ${} are escaped, and nothing is interpolated.
     */
    static String sql(String text) {
        return "sql`" + text.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${") + "`";
    }
}
