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

/**
 * Times each migration and reports it once it has committed. Flyway's after-each event fires inside the
 * migration's transaction, before the commit (which on a remote database is when the statements run), so
 * a migration is confirmed by the next one starting or by the whole migrate ending; one whose commit failed
 * is never reported. One instance per apply.
 */
final class ProgressCallback implements Callback {

    private final Map<String, Integer> statementCounts;
    private final Consumer<AppliedMigration> listener;
    private final List<AppliedMigration> applied = new ArrayList<>();
    private long started;
    private String ran;

    ProgressCallback(Map<String, Integer> statementCounts, Consumer<AppliedMigration> listener) {
        this.statementCounts = statementCounts;
        this.listener = listener;
    }

    List<AppliedMigration> applied() {
        return List.copyOf(applied);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_EACH_MIGRATE -> {
                confirm();
                started = System.nanoTime();
            }
            case AFTER_EACH_MIGRATE -> ran = context.getMigrationInfo().getDescription();
            case AFTER_MIGRATE -> confirm();
            default -> ran = null;
        }
    }

    private void confirm() {
        if (ran == null) {
            return;
        }
        AppliedMigration migration = new AppliedMigration(ran, statementCounts.getOrDefault(ran, 0),
                Duration.ofNanos(System.nanoTime() - started));
        ran = null;
        applied.add(migration);
        listener.accept(migration);
    }

    @Override
    public String getCallbackName() {
        return "writerflow-progress";
    }
}
