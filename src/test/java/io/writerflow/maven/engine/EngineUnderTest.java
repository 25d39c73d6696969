package io.writerflow.maven.engine;

/** A migration engine a test drives, with the apply (no backup) and the status every engine test runs. */
interface EngineUnderTest {

    MigrationEngine engine();

    default ApplyResult apply() {
        MigrationEngine engine = engine();
        return engine.apply(engine.loadDirectory(), m -> { });
    }

    default StatusReport status() {
        MigrationEngine engine = engine();
        return engine.status(engine.loadDirectory());
    }
}
