package io.writerflow.maven.pull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JavaScript names for SQL names: camelCase, valid identifiers, unique within their scope. Only the code's names;
 * the SQL names stay exact in the strings the code passes to drizzle.
 */
final class JsNames {

    /** Reserved words and names the generated module itself declares or imports. */
    private static final Set<String> RESERVED = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
            "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval",
            "undefined", "NaN", "Infinity", "sql", "sqliteTable", "sqliteView", "integer", "text", "real", "blob",
            "numeric", "customType", "index", "uniqueIndex", "primaryKey", "foreignKey", "unique", "check",
            "sqlType", "AnySQLiteColumn", "t");

    private final Set<String> used = new HashSet<>();

    /** A new scope; {@code reserved}: whether module-level names are off limits too. */
    JsNames(boolean reserved) {
        if (reserved) {
            used.addAll(RESERVED);
        }
    }

    /** A unique identifier for {@code sqlName}: {@code user_roles} is {@code userRoles}, {@code 2fa} is {@code _2fa}. */
    String name(String sqlName) {
        String camel = camel(sqlName);
        // a reserved word keeps its meaning beside the table's: class is classTable, not class2
        String base = RESERVED.contains(camel) && used.contains(camel) ? camel + "Table" : camel;
        String name = base;
        for (int n = 2; used.contains(name) || name.equals("__proto__"); n++) {
            name = base + n;
        }
        used.add(name);
        return name;
    }

    static String camel(String sqlName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < sqlName.length(); i++) {
            char c = sqlName.charAt(i);
            if (Character.isLetterOrDigit(c)) { // Unicode letters are identifier letters in JavaScript
                out.append(upper && out.length() > 0 ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (out.length() > 0 && Character.isUpperCase(out.charAt(0)) && !allUpper(out)) {
            out.setCharAt(0, Character.toLowerCase(out.charAt(0)));
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    private static boolean allUpper(CharSequence s) {
        return s.chars().noneMatch(Character::isLowerCase);
    }

    /** Whether a column's key may stand for its SQL name (drizzle takes the key as the name; casing leaves it). */
    static boolean plainKey(String key, String sqlName) {
        return key.equals(sqlName) && key.matches("[a-z][a-z0-9]*");
    }

    static List<String> reserved() {
        return List.copyOf(RESERVED);
    }
}
