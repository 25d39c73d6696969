package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.Statement;
import io.writerflow.maven.migrations.StatementSplitter;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.plan.PlannedStatement;

import java.util.List;

/**
 * The last look before a migration is written: its text, read back as apply and drizzle's migrators read it
 * (split at each {@code --> statement-breakpoint} and at each semicolon outside quotes and comments), must give
 * exactly the statements that were planned. Names are quoted and cannot break a statement; the schema's own SQL
 * (a check, a default, an index expression, a generated column, a view's query, a custom column type) is
 * written as it is, and a {@code ;} or breakpoint in it would otherwise run as statements nobody planned.
 */
final class StatementsAsPlanned {

    private StatementsAsPlanned() {
    }

    /** @param sql the migration's text, {@code plan} rendered */
    static void check(Plan plan, String sql, String shownAs) {
        List<Statement> read = StatementSplitter.split(sql);
        List<PlannedStatement> planned = plan.statements();
        for (int i = 0; i < planned.size(); i++) {
            String expected = planned.get(i).sql().strip();
            if (i >= read.size() || !read.get(i).sql().endsWith(expected)) {
                throw broken(planned.get(i), shownAs);
            }
        }
        if (read.size() > planned.size()) {
            throw broken(planned.get(planned.size() - 1), shownAs);
        }
    }

    private static WriterflowException broken(PlannedStatement statement, String shownAs) {
        return new WriterflowException("The migration for " + shownAs + " would not run as planned: the statement"
                + " to " + lowerFirst(statement.comment()) + " would not be read back as the one statement it is,"
                + " because SQL written in the schema (a check, default, index expression, generated column, view"
                + " query or column type) holds a ';', an unclosed quote or comment, or \"--> statement-breakpoint\"."
                + " Nothing was written.\n  The statement: " + statement.sql().strip(),
                "Fix that SQL in " + shownAs + ", then generate again.");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
