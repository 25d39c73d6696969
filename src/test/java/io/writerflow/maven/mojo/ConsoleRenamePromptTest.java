package io.writerflow.maven.mojo;

import io.writerflow.maven.diff.RenamePrompt;
import io.writerflow.maven.diff.RenameQuestion;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConsoleRenamePromptTest {

    private final StringWriter screen = new StringWriter();

    private RenamePrompt typing(String keys, boolean unicode) {
        return new ConsoleRenamePrompt(new BufferedReader(new StringReader(keys)), new PrintWriter(screen), unicode);
    }

    @Test
    void asksAsDrizzleKitDoesWithNumberedChoices() {
        Optional<String> answer = typing("2\n", true).ask(new RenameQuestion(Optional.empty(), "articles",
                List.of("posts", "blog_posts")));

        assertEquals(Optional.of("posts"), answer);
        assertEquals("""

                Is articles table created or renamed from another table?
                  1) + articles               create table
                  2) ~ posts › articles       rename table
                  3) ~ blog_posts › articles  rename table
                Answer 1-3: ~ posts › articles table will be renamed
                """, screen.toString());
    }

    @Test
    void createNewIsTheFirstChoiceAndANonAnswerIsAskedAgain() {
        Optional<String> answer = typing("\nx\n4\n 1 \n", false).ask(new RenameQuestion(Optional.of("users"),
                "full_name", List.of("name")));

        assertEquals(Optional.empty(), answer);
        assertEquals("""

                Is full_name column in users table created or renamed from another column?
                  1) + full_name         create column
                  2) ~ name > full_name  rename column
                Answer 1-2: Type a number from 1 to 2 and Enter.
                Answer 1-2: Type a number from 1 to 2 and Enter.
                Answer 1-2: Type a number from 1 to 2 and Enter.
                Answer 1-2: + full_name column will be created
                """, screen.toString());
    }

    @Test
    void aClosedTerminalIsNoAnswer() {
        assertThrows(RenamePrompt.Unanswered.class, () -> typing("", true)
                .ask(new RenameQuestion(Optional.empty(), "articles", List.of("posts"))));
    }
}
