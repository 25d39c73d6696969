package io.writerflow.maven.engine.apply;

import java.sql.SQLException;

/** Takes a plan's steps as the plan is written: a batch being sent, or a database running them. */
@FunctionalInterface
public interface PlanSink {

    /** Adds {@code step}; returns its index, which later steps' conditions refer to. */
    int add(PlanStep step) throws SQLException;
}
