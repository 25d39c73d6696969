package io.writerflow.maven.diff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlIdentifiersTest {

    @Test
    void renamesATableWhereItQualifiesAColumnKeepingItsQuotes() {
        assertEquals("\"people\".\"age\" > 0 and `people`.x and people.y and 'people'.z and \"users_x\".a",
                SqlIdentifiers.renameQualifier("\"users\".\"age\" > 0 and `users`.x and users.y and 'users'.z"
                        + " and \"users_x\".a", "users", "people"));
    }

    @Test
    void leavesTheTableAloneWhereItIsNotAQualifier() {
        assertEquals("users = 'users.x' -- users.y\n", SqlIdentifiers.renameQualifier("users = 'users.x' -- users.y\n",
                "users", "people"));
    }

    @Test
    void renamesAColumnButNotFunctionsStringsOrOtherTablesColumns() {
        assertEquals("\"users\".\"label\" > 1 and label <> 'name' and name(x) and other.name and length(`label`)",
                SqlIdentifiers.renameColumn("\"users\".\"name\" > 1 and name <> 'name' and name(x) and other.name"
                        + " and length(`name`)", "users", "name", "label"));
    }

    @Test
    void quotesANewNameThatNeedsIt() {
        assertEquals("\"full name\" is not null", SqlIdentifiers.renameColumn("name is not null", "t", "name",
                "full name"));
    }

    @Test
    void aNewNameKeepsItsQuotingWithQuotesDoubledAndIsQuotedWhereBareItWouldNotReadAsAName() {
        assertEquals("`we``ird` > 0", SqlIdentifiers.renameColumn("`x` > 0", "t", "x", "we`ird"));
        assertEquals("\"we\"\"ird\" > 0", SqlIdentifiers.renameColumn("\"x\" > 0", "t", "x", "we\"ird"));
        assertEquals("\"order\" > 0", SqlIdentifiers.renameColumn("x > 0", "t", "x", "order"));
        assertEquals("[a b] > 0", SqlIdentifiers.renameColumn("[x] > 0", "t", "x", "a b"));
        assertEquals("\"a]b\" > 0", SqlIdentifiers.renameColumn("[x] > 0", "t", "x", "a]b"));
        assertEquals("'it''s'.c", SqlIdentifiers.renameQualifier("'t'.c", "t", "it's"));
    }

    @Test
    void findsMentionsInAnyQuotingAndCase() {
        assertTrue(SqlIdentifiers.mentions("select \"ID\" from `Users`", "users"));
        assertTrue(SqlIdentifiers.mentions("select id from [users]", "users"));
        assertFalse(SqlIdentifiers.mentions("select 'users' from people", "users"));
    }
}
