package io.writerflow.maven.pull;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SQL names as JavaScript names: camelCase, valid, unique in their scope, clear of what the module declares. */
class JsNamesTest {

    @Test
    void namesAreCamelCaseIdentifiers() {
        JsNames names = new JsNames(true);
        assertEquals("userRoles", names.name("user_roles"));
        assertEquals("displayName", names.name("Display Name"));
        assertEquals("_2fa", names.name("2fa"));
        assertEquals("größe", names.name("größe"));
        assertEquals("_", names.name("\"\""));
        assertEquals("classTable", names.name("class"));
        assertEquals("sqlTable", names.name("sql"));
        assertEquals("userRoles2", names.name("user-roles"));
        assertEquals("URL", names.name("URL"));
    }

    @Test
    void columnKeysMayBeReservedWordsButNotTwice() {
        JsNames columns = new JsNames(false);
        assertEquals("class", columns.name("class"));
        assertEquals("classTable", columns.name("Class"));
        assertEquals("proto", columns.name("__proto__"));
    }
}
