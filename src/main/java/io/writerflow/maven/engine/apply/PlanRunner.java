package io.writerflow.maven.engine.apply;

import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.SchemaSource;

import java.sql.SQLException;

/**
 * Runs the transactions of an apply's plan on one transport: {@link HranaPlanRunner} sends each as one batch,
 * {@link JdbcPlanRunner} runs it statement by statement on the embedded file. The plan is the same.
 */
public interface PlanRunner {

    /** Writes the steps of one transaction. */
    @FunctionalInterface
    interface Transaction {
        void write(PlanSink sink) throws SQLException;
    }

    /** Runs one transaction as it is written; returns what became of its steps. */
    PlanOutcome run(Transaction transaction) throws SQLException;

    /** Where a transaction's rebuilds read the schema, which is {@code initial} when it starts. */
    SchemaSource schema(Catalog initial);

    /**
     * The condition that holds when a row's foreign key points at nothing, with the schema as the steps added
     * so far leave it; null when the database has no foreign keys.
     */
    String orphansExist(ForeignKeyCheck check, SchemaSource schema) throws SQLException;

    /** How much SQL one transaction carries at most: a server limits a request's size, a file does not. */
    long transactionChars();
}
