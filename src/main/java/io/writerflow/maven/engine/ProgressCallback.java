package io.writerflow.maven.engine;

import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Times each migration and reports it as soon as Flyway has run it. One instance per apply. */
final class ProgressCallback implements Callback {

    private final Map<String, Integer> statementCounts;
    private final Consumer<AppliedMigration> listener;
    private final List<AppliedMigration> applied = new ArrayList<>();
    private long started;

    ProgressCallback(Map<String, Integer> statementCounts, Consumer<AppliedMigration> listener) {
        this.statementCounts = statementCounts;
        this.listener = listener;
    }

    List<AppliedMigration> applied() {
        return List.copyOf(applied);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            started = System.nanoTime();
            return;
        }
        String tag = context.getMigrationInfo().getDescription();
        AppliedMigration migration = new AppliedMigration(tag, statementCounts.getOrDefault(tag, 0),
                Duration.ofNanos(System.nanoTime() - started));
        applied.add(migration);
        listener.accept(migration);
    }

    @Override
    public String getCallbackName() {
        return "writerflow-progress";
    }
}
