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
        assertEquals("\"users\".\"full\" > 1 and full <> 'name' and name(x) and other.name and length(`full`)",
                SqlIdentifiers.renameColumn("\"users\".\"name\" > 1 and name <> 'name' and name(x) and other.name"
                        + " and length(`name`)", "users", "name", "full"));
    }

    @Test
    void quotesANewNameThatNeedsIt() {
        assertEquals("\"full name\" is not null", SqlIdentifiers.renameColumn("name is not null", "t", "name",
                "full name"));
    }

    @Test
    void findsMentionsInAnyQuotingAndCase() {
        assertTrue(SqlIdentifiers.mentions("select \"ID\" from `Users`", "users"));
        assertTrue(SqlIdentifiers.mentions("select id from [users]", "users"));
        assertFalse(SqlIdentifiers.mentions("select 'users' from people", "users"));
    }
}
