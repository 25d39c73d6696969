package io.writerflow.maven.engine.apply;

import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.SchemaSource;
import io.writerflow.maven.migrations.Migration;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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

    /**
     * Statements a transaction's request runs outside the transaction, before and after it: settings that are
     * no-ops inside one, such as turning foreign-key enforcement off where the engine obeys that.
     */
    record Envelope(List<String> before, List<String> after) {
        static final Envelope NONE = new Envelope(List.of(), List.of());
    }

    /** The envelope of every transaction this runner runs. */
    Envelope envelope() throws SQLException;

    /** Runs one transaction as it is written; returns what became of its steps. */
    PlanOutcome run(Transaction transaction) throws SQLException;

    /** Where a transaction's rebuilds read the schema, which is {@code initial} when it starts. */
    SchemaSource schema(Catalog initial);

    /**
     * The condition that holds when a row's foreign key points at nothing, with the schema as the steps added
     * so far leave it; null when the database has no foreign keys.
     */
    String orphansExist(ForeignKeyCheck check, SchemaSource schema) throws SQLException;

    /**
     * The orphans a migration whose foreign-key guard failed would leave, by reference ({@code "child -> parent"}
     * to a count): its steps run again in a transaction that is rolled back, the counts read inside it; empty when
     * they cannot be counted. Only on that failure's path.
     */
    Map<String, Integer> recount(Migration migration, Supplier<Set<String>> knownIndexes, ForeignKeyCheck check);

    /** How much SQL one transaction carries at most: a server limits a request's size, a file does not. */
    long transactionChars();
}
