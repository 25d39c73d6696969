package io.writerflow.maven.sql;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlQuotingTest {

    /** Each of SQLite's quote characters, statement and comment markers, a newline, a keyword, non-ASCII. */
    static final List<String> HOSTILE = List.of("x` (`a` integer); DROP TABLE `victim`;", "we\"ird`t;able--x",
            "it's", "[br]acket", "a]b", "/* c */", "line\nbreak", "order", " ", "ünïcode 表", "$1", "1abc");

    @Test
    void eachQuoteInsideIsDoubled() {
        assertEquals("\"we\"\"ird\"", SqlQuoting.identifier("we\"ird"));
        assertEquals("`we``ird`", SqlQuoting.backquoted("we`ird"));
        assertEquals("'it''s'", SqlQuoting.literal("it's"));
        assertEquals("`a\"b'c`", SqlQuoting.backquoted("a\"b'c"), "other quotes stay as they are");
    }

    @Test
    void ordinaryNamesStayBareAsDrizzleKitWritesThemAndOthersAreQuoted() {
        assertEquals("users_email_unique", SqlQuoting.name("users_email_unique"));
        assertEquals("Straße_1$", SqlQuoting.name("Straße_1$"));
        assertEquals("\"order\"", SqlQuoting.name("order"));
        assertEquals("\"Order\"", SqlQuoting.name("Order"));
        assertEquals("\"1abc\"", SqlQuoting.name("1abc"));
        assertEquals("\"a b\"", SqlQuoting.name("a b"));
        assertEquals("\"\"", SqlQuoting.name(""));
        assertFalse(SqlQuoting.isBare("current_timestamp"));
    }

    @Test
    void sqliteListsOneHundredAndFortySevenKeywords() {
        assertEquals(147, SqlKeywords.count());
    }

    /** What SQLite itself reads back: the very name, in every position and every quoting. */
    @Test
    void sqliteReadsEveryQuotedNameBackAsItWas() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (String name : HOSTILE) {
                s.execute("CREATE TABLE " + SqlQuoting.backquoted(name) + " (" + SqlQuoting.identifier(name)
                        + " text DEFAULT " + SqlQuoting.literal(name) + ", CONSTRAINT " + SqlQuoting.name(name)
                        + " UNIQUE(" + SqlQuoting.backquoted(name) + "))");
                s.execute("INSERT INTO " + SqlQuoting.name(name) + " DEFAULT VALUES");
                try (ResultSet rs = s.executeQuery("SELECT " + SqlQuoting.name(name) + ", (SELECT name FROM"
                        + " pragma_table_info(" + SqlQuoting.literal(name) + ")) FROM " + SqlQuoting.identifier(name))) {
                    assertTrue(rs.next());
                    assertEquals(name, rs.getString(1), "the default, a string literal");
                    assertEquals(name, rs.getString(2), "the column's name");
                }
                s.execute("DROP TABLE " + SqlQuoting.backquoted(name));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void everyKeywordIsANameOnceQuoted() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x integer)");
            for (String keyword : List.of("select", "order", "group", "references", "constraint", "unique",
                    "primary", "check", "default", "table")) {
                s.execute("CREATE TABLE " + SqlQuoting.name(keyword) + " (" + SqlQuoting.name(keyword) + " integer,"
                        + " CONSTRAINT " + SqlQuoting.name(keyword) + " UNIQUE(" + SqlQuoting.name(keyword) + "))");
                s.execute("ALTER TABLE t ADD " + SqlQuoting.backquoted(keyword + "_ref") + " integer REFERENCES "
                        + SqlQuoting.name(keyword) + "(" + SqlQuoting.name(keyword) + ")");
            }
        }
    }

    @Test
    void aLeadingNameIsReadAsSqliteReadsIt() {
        assertEquals(Optional.of(new LeadingName("we\"ird", 10)), LeadingName.at(" \"we\"\"ird\" x", 0));
        assertEquals(Optional.of(new LeadingName("a`b", 6)), LeadingName.at("`a``b`", 0));
        assertEquals(Optional.of(new LeadingName("a b", 10)), LeadingName.at("main.[a b] RENAME", 0));
        assertEquals("t", LeadingName.at("main.\"t\" RENAME TO", 0).orElseThrow().name());
        assertEquals("users", LeadingName.at("users;", 0).orElseThrow().name());
        assertEquals(Optional.empty(), LeadingName.at("\"never closed", 0));
        assertEquals(Optional.empty(), LeadingName.at("  ;", 0));
    }
}
