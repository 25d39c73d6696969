package io.writerflow.maven.diff;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenameInterviewTest {

    /** Answers from a script ("" for "create new"), recording the questions. */
    private static final class Scripted implements RenamePrompt {
        final List<RenameQuestion> asked = new ArrayList<>();
        private final Deque<String> answers;

        Scripted(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Optional<String> ask(RenameQuestion question) {
            asked.add(question);
            if (answers.isEmpty()) {
                throw new Unanswered("no more answers");
            }
            return Optional.of(answers.pop()).filter(a -> !a.isEmpty());
        }
    }

    private static RenameDecision interview(Schema from, Schema to, String declared, Scripted prompt) {
        return RenameDecision.settle(from, to, Renames.parse(declared), false, new RenameInterview(prompt));
    }

    private static RenameQuestion tableQuestion(String created, String... candidates) {
        return new RenameQuestion(Optional.empty(), created, List.of(candidates));
    }

    private static RenameQuestion columnQuestion(String table, String created, String... candidates) {
        return new RenameQuestion(Optional.of(table), created, List.of(candidates));
    }

    private static final Table USERS = table("users").columns(col("id", "integer").pk(), col("name", "text"),
            col("age", "integer")).build();
    private static final Table POSTS = table("posts").columns(col("id", "integer").pk(), col("title", "text")).build();

    @Test
    void tablesFirstInTheNewSchemasOrderThenTheColumnsOfEachTableWithTheTableAnswersApplied() {
        Table people = table("people").columns(col("id", "integer").pk(), col("full_name", "text"),
                col("age", "integer")).build();
        Table articles = table("articles").columns(col("id", "integer").pk(), col("title", "text")).build();
        Scripted prompt = new Scripted("users", "", "name");

        RenameDecision decision = interview(schema(USERS, POSTS), schema(people, articles), null, prompt);

        assertEquals(List.of(tableQuestion("people", "users", "posts"), tableQuestion("articles", "posts"),
                columnQuestion("people", "full_name", "name")), prompt.asked);
        assertEquals("users:people,people.name:full_name", decision.renames().format());
        assertTrue(decision.acceptDrops(), "posts was answered away: only acceptDrops drops it without asking");
        assertTrue(decision.answered());
        assertEquals("-Dwriterflow.renames=users:people,people.name:full_name -Dwriterflow.acceptDrops=true",
                decision.properties());
    }

    @Test
    void theAnswersPropertiesGiveTheSameDiffWithoutAsking() {
        Table people = table("people").columns(col("id", "integer").pk(), col("full_name", "text"),
                col("age", "integer")).build();
        Table articles = table("articles").columns(col("id", "integer").pk(), col("title", "text")).build();
        Schema before = schema(USERS, POSTS);
        Schema after = schema(people, articles);
        RenameDecision decision = interview(before, after, null, new Scripted("users", "", "name"));
        String properties = decision.properties();

        String renames = properties.replaceAll(".*-Dwriterflow\\.renames=(\\S*).*", "$1");
        boolean acceptDrops = properties.contains("-Dwriterflow.acceptDrops=true");
        assertEquals(SchemaDiff.diff(before, after, decision.renames(), decision.acceptDrops()),
                SchemaDiff.diff(before, after, Renames.parse(renames), acceptDrops));
    }

    @Test
    void renamesAnsweredForEveryCandidateNeedNoAcceptDropsAndKeepTheDeclaredOnes() {
        Table people = table("people").columns(col("id", "integer").pk(), col("full_name", "text"),
                col("years", "integer")).build();
        Scripted prompt = new Scripted("name", "age");

        RenameDecision decision = interview(schema(USERS), schema(people), "users:people", prompt);

        assertEquals(List.of(columnQuestion("people", "full_name", "name"), columnQuestion("people", "years", "age")),
                prompt.asked, "no question about the declared table rename");
        assertEquals("-Dwriterflow.renames=users:people,people.name:full_name,people.age:years",
                decision.properties());
        assertFalse(decision.acceptDrops());
    }

    @Test
    void aTakenCandidateIsNotOfferedAgainNorAnIncompatibleOneNorAGeneratedColumn() {
        Schema before = schema(table("t").columns(col("id", "integer").pk(), col("a", "text"), col("b", "text"),
                col("raw", "blob"), col("g", "text").virtual("(upper(a))")).build());
        Schema after = schema(table("t").columns(col("id", "integer").pk(), col("c", "text"), col("d", "text"),
                col("n", "integer")).build());
        Scripted prompt = new Scripted("b", "a");

        RenameDecision decision = interview(before, after, null, prompt);

        assertEquals(List.of(columnQuestion("t", "c", "a", "b"), columnQuestion("t", "d", "a")), prompt.asked,
                "n (integer) may not hold raw's blobs; g, generated, has no data to keep");
        assertEquals("t.b:c,t.a:d", decision.renames().format());
        assertFalse(decision.acceptDrops(), "raw and g are dropped either way");
    }

    @Test
    void createNewForEverythingIsAcceptDropsAlone() {
        Table people = table("people").columns(col("id", "integer").pk()).build();
        RenameDecision decision = interview(schema(POSTS), schema(people), null, new Scripted(""));

        assertEquals("-Dwriterflow.acceptDrops=true", decision.properties());
        assertTrue(decision.renames().isEmpty());
    }

    @Test
    void noQuestionWithoutAPossibleRenameOrWhenDropsAreAccepted() {
        Table withScore = table("posts").columns(col("id", "integer").pk(), col("title", "text"),
                col("score", "real")).build();
        Scripted prompt = new Scripted();

        assertFalse(interview(schema(POSTS), schema(withScore), null, prompt).answered());
        assertFalse(RenameDecision.settle(schema(POSTS), schema(USERS), Renames.NONE, true,
                new RenameInterview(prompt)).answered());
        assertEquals(List.of(), prompt.asked);
    }

    @Test
    void anUnansweredQuestionFailsAsABuildThatCannotAsk() {
        Table people = table("people").columns(col("id", "integer").pk(), col("name", "text"),
                col("age", "integer")).build();
        WriterflowException refused = assertThrows(WriterflowException.class,
                () -> RenameDecision.settle(schema(USERS), schema(people), Renames.NONE, false, RenameResolver.REFUSE));
        WriterflowException unanswered = assertThrows(WriterflowException.class,
                () -> interview(schema(USERS), schema(people), null, new Scripted()));

        WriterflowException diff = assertThrows(WriterflowException.class,
                () -> SchemaDiff.diff(schema(USERS), schema(people), Renames.NONE, false));

        assertEquals(diff.getMessage(), refused.getMessage(), "today's failure, candidates and properties");
        assertEquals(refused.getMessage(), unanswered.getMessage());
        assertTrue(refused.problem().contains("table users disappeared while table people appeared"),
                refused.problem());
    }
}
