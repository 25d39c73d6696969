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
import java.util.function.LongSupplier;

/**
 * Times each migration and reports it once it has committed. Flyway's after-each event fires inside the
 * migration's transaction, before the commit (which on a remote database is when the statements run), so
 * a migration is confirmed by the next one starting or by the whole migrate ending; one whose commit failed
 * is never reported. One instance per apply.
 */
final class ProgressCallback implements Callback {

    private final Map<String, Integer> statementCounts;
    private final Consumer<AppliedMigration> listener;
    private final LongSupplier rowsChanged;
    private final List<AppliedMigration> applied = new ArrayList<>();
    private long started;
    private String ran;

    /** @param rowsChanged the rows changed by the migration that ran last, -1 when unknown */
    ProgressCallback(Map<String, Integer> statementCounts, Consumer<AppliedMigration> listener,
            LongSupplier rowsChanged) {
        this.statementCounts = statementCounts;
        this.listener = listener;
        this.rowsChanged = rowsChanged;
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
                Duration.ofNanos(System.nanoTime() - started), rowsChanged.getAsLong());
        ran = null;
        applied.add(migration);
        listener.accept(migration);
    }

    @Override
    public String getCallbackName() {
        return "writerflow-progress";
    }
}
