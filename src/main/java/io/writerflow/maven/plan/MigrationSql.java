package io.writerflow.maven.plan;

import java.util.stream.Collectors;

/**
 * Writes a plan as the text of a drizzle migration file, as drizzle-kit 0.31 joins statements: separated
 * by {@code --> statement-breakpoint} and a newline, with no newline at the end unless the last statement
 * brings one ({@code CREATE TABLE} does). A destructive statement is preceded by {@code -- } lines naming
 * the data it destroys; drizzle-kit's migrator and the apply engine both skip them as comments.
 */
public final class MigrationSql {

    public static final String BREAKPOINT = "--> statement-breakpoint\n";

    private MigrationSql() {
    }

    public static String render(Plan plan) {
        return render(plan, true);
    }

    /** With {@code breakpoints} false (drizzle.config's {@code breakpoints: false}) statements are joined by a newline. */
    public static String render(Plan plan, boolean breakpoints) {
        return plan.statements().stream().map(MigrationSql::statement)
                .collect(Collectors.joining(breakpoints ? BREAKPOINT : "\n"));
    }

    private static String statement(PlannedStatement s) {
        return s.dataLoss().map(note -> note.lines().map(line -> "-- " + line + "\n").collect(Collectors.joining()))
                .orElse("") + s.sql();
    }
}
