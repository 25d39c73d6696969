package io.writerflow.maven.generate;

import io.writerflow.maven.diff.RenameDecision;
import io.writerflow.maven.migrations.WrittenMigration;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.schema.Loss;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What generate did.
 *
 * @param written    the new migration, or empty when the schema had no changes
 * @param statements how many statements the migration holds
 * @param dataLoss   one line per statement that destroys data, for the build log
 * @param warnings   changes that fail on some data (a column added NOT NULL without a default to a table with
 *                   rows), for the build log
 * @param tables     the tables of the schema read, for the summary drizzle-kit prints; empty when no schema
 *                   was read to write the migration (nothing to do, or a custom migration)
 * @param answers    the renames the user was asked about, with the declared ones; empty when nobody was asked
 * @param rebuilds   the tables the migration rebuilds, which take down what the schema does not declare
 * @param declared   the names of the indexes and views the schema declares before and after the migration: what
 *                   a rebuild leaves to the migration
 * @param downLosses the tables and columns whose data the migration's down migration destroys (what the migration
 *                   created, with the rows written since); empty when it loses nothing or none was written
 */
public record GenerateResult(Optional<WrittenMigration> written, int statements, List<String> dataLoss,
                             List<String> warnings, List<TableSummary> tables, Optional<RenameDecision> answers,
                             List<Plan.Rebuild> rebuilds, Set<String> declared, List<Loss> downLosses) {

    public GenerateResult {
        dataLoss = List.copyOf(dataLoss);
        warnings = List.copyOf(warnings);
        tables = List.copyOf(tables);
        rebuilds = List.copyOf(rebuilds);
        declared = Set.copyOf(declared);
        downLosses = List.copyOf(downLosses);
    }

    public static GenerateResult nothingToDo() {
        return new GenerateResult(Optional.empty(), 0, List.of(), List.of(), List.of(), Optional.empty(), List.of(),
                Set.of(), List.of());
    }
}
