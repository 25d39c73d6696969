package io.writerflow.maven.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementSplitterTest {

    private static List<String> sql(String content) {
        return StatementSplitter.split(content).stream().map(Statement::sql).toList();
    }

    @Test
    void splitsDrizzleKitOutputOnBreakpoints() {
        // drizzle-kit puts the breakpoint right after the semicolon, and ends the file without a newline
        String content = "CREATE TABLE `a` (\n\t`id` integer\n);\n--> statement-breakpoint\n"
                + "CREATE INDEX `a_idx` ON `a` (`id`);--> statement-breakpoint\nCREATE TABLE `b` (`x` text);";
        List<Statement> statements = StatementSplitter.split(content);
        assertEquals(3, statements.size());
        assertEquals(new Statement(1, 1, "CREATE TABLE `a` (\n\t`id` integer\n);"), statements.get(0));
        assertEquals(new Statement(2, 5, "CREATE INDEX `a_idx` ON `a` (`id`);"), statements.get(1));
        assertEquals(new Statement(3, 6, "CREATE TABLE `b` (`x` text);"), statements.get(2));
    }

    @Test
    void splitsSeveralStatementsInOneChunk() {
        // sqlite drivers run only the first statement of a string: the rest must not be lost
        assertEquals(List.of("CREATE TABLE a(x);", "CREATE TABLE b(y);", "INSERT INTO a VALUES (1)"),
                sql("CREATE TABLE a(x); CREATE TABLE b(y);\nINSERT INTO a VALUES (1)"));
    }

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSplit() {
        String content = "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, [g;h]); -- trailing; comment\n"
                + "/* block; comment */ INSERT INTO t VALUES ('it''s; fine');";
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, [g;h]);",
                        "-- trailing; comment\n/* block; comment */ INSERT INTO t VALUES ('it''s; fine');"),
                sql(content));
    }

    @Test
    void quotedNamesWithDoubledQuotesSemicolonsAndCommentMarkersStayWhole() {
        String create = "CREATE TABLE `x`` (``a`` integer); DROP TABLE ``victim``;` (\n\t`a` integer\n);";
        String index = "CREATE INDEX `ix``\"'; --` ON \"we\"\"ird`t;able--x\" (`/* c */`, [b;--]);";
        String insert = "INSERT INTO \"a\"\"; DROP\" VALUES ('it''s; -- /* not a comment', \"\"\"\");";
        assertEquals(List.of(create, index, insert),
                sql(create + "\n--> statement-breakpoint\n" + index + "--> statement-breakpoint\n" + insert));
        assertEquals(List.of(create, index, insert), sql(create + "\n" + index + "\n" + insert),
                "without breakpoints too (breakpoints: false)");
    }

    @Test
    void triggerBodiesStayWhole() {
        String trigger = "CREATE TRIGGER t_audit AFTER INSERT ON t BEGIN\n"
                + "  INSERT INTO audit VALUES (new.id);\n  UPDATE t SET n = n + 1;\nEND;";
        String temp = "create temp trigger x before delete on t begin select 1; end;";
        assertEquals(List.of(trigger, temp, "SELECT 2;"), sql(trigger + "\n" + temp + "\nSELECT 2;"));
    }

    @Test
    void commentOnlyAndEmptyChunksAreSkipped() {
        String custom = "-- Custom SQL migration file, put your code below! --\n";
        assertEquals(List.of(), sql(custom));
        assertEquals(List.of(), sql(""));
        assertEquals(List.of("SELECT 1;"), sql("SELECT 1;\n--> statement-breakpoint\n\n--> statement-breakpoint\n"));
    }

    @Test
    void lineNumbersPointAtTheFirstTokenAfterLeadingComments() {
        List<Statement> statements = StatementSplitter.split("-- header\n\nCREATE TABLE a(x);\n\n/* c */\nDROP TABLE a;");
        assertEquals(3, statements.get(0).line());
        assertEquals(6, statements.get(1).line());
        assertEquals(2, statements.get(1).number());
    }

    @Test
    void statementWithoutFinalSemicolonIsKept() {
        assertEquals(List.of("SELECT 1"), sql("SELECT 1\n"));
    }
}
