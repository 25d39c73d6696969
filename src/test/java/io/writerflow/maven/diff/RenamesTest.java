package io.writerflow.maven.diff;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenamesTest {

    @Test
    void parsesTableAndColumnRenames() {
        Renames renames = Renames.parse(" users.name:full_name , posts:articles,users.mail:users.email");

        assertEquals(List.of(new Renames.TableRename("posts", "articles")), renames.tables());
        assertEquals(List.of(new Renames.ColumnRename("users", "name", "full_name"),
                new Renames.ColumnRename("users", "mail", "email")), renames.columns());
        assertEquals("posts:articles,users.name:full_name,users.mail:email", renames.format());
    }

    @Test
    void nothingDeclaredIsNoRenames() {
        assertTrue(Renames.parse(null).isEmpty());
        assertTrue(Renames.parse("  ").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "users                      | 'users' is not old:new",
            "a:b:c                      | 'a:b:c' is not old:new",
            "posts:articles,            | entry 2 is empty",
            "posts:                     | 'posts:' has no new name",
            ".name:x                    | '.name' is neither a table nor table.column",
            "users.:x                   | '.name' is neither",
            "a.b.c:d                    | 'a.b.c' is neither a table nor table.column",
            "users.name:people.full     | the new name 'people.full' contains a '.'",
            "posts:a,posts:b            | table posts is renamed twice",
            "a:c,b:c                    | two tables are renamed to c",
            "posts:posts                | renames a table to its own name",
            "users.a:x,users.a:y        | column users.a is renamed twice",
            "users.a:x,users.b:x        | two columns of users are renamed to x",
    })
    void refusesMalformedValuesNamingTheProperty(String value, String problem) {
        WriterflowException e = assertThrows(WriterflowException.class, () -> Renames.parse(value));
        assertTrue(e.problem().startsWith("-Dwriterflow.renames=" + value + ": "), e.problem());
        if (!problem.startsWith("'.name' is neither")) {
            assertTrue(e.problem().contains(problem), e.problem());
        }
        assertTrue(e.nextStep().contains("-Dwriterflow.renames=users.name:full_name,posts:articles"), e.nextStep());
    }
}
