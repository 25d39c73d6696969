package io.writerflow.maven.status;

/** A status gate: a finding of the report that fails the build when its setting is on. */
public enum Gate {

    /** Applied migrations whose files were edited since: apply refuses to run. */
    CHANGED("writerflow.failOnChanged"),
    /** Migrations not applied yet: code that needs them must not be deployed. */
    PENDING("writerflow.failOnPending"),
    /** The database's schema differs from the snapshot of its last applied migration. */
    DRIFT("writerflow.failOnDrift");

    private final String setting;

    Gate(String setting) {
        this.setting = setting;
    }

    /** The user property that turns the gate on, as messages name it. */
    public String setting() {
        return setting;
    }
}
