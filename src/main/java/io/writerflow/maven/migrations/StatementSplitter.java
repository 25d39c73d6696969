package io.writerflow.maven.migrations;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Splits a migration's whole text into statements, with the rules of {@link StatementReader}. */
public final class StatementSplitter {

    public static final String BREAKPOINT = "--> statement-breakpoint";

    private StatementSplitter() {
    }

    public static List<Statement> split(String content) {
        List<Statement> statements = new ArrayList<>();
        try (StatementReader reader = new StatementReader(new StringReader(content))) {
            for (Statement s = reader.next(); s != null; s = reader.next()) {
                statements.add(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
        return List.copyOf(statements);
    }
}
