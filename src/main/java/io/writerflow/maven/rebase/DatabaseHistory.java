package io.writerflow.maven.rebase;

import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The migrations a database's history records, as status reads them: the tag it applied at each version,
 * whatever the directory now has there, so that a branch migration applied to a developer's database is
 * recognised under its branch number.
 */
public final class DatabaseHistory implements RebaseRequest.AppliedMigrations {

    private final MigrationEngine engine;

    public DatabaseHistory(MigrationEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<Set<String>> tags(MigrationDirectory branch) {
        StatusReport report = engine.status(branch);
        if (!report.databaseExists()) {
            return Optional.empty();
        }
        return Optional.of(report.migrations().stream().map(MigrationStatus::appliedTag).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    }
}
