package io.writerflow.maven.engine.steps;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which statement of a migration each step sent in a transaction came from, so that a failure the server
 * reports by the step's position is named by file and line. Keeps numbers, not SQL: a large migration's
 * text is never held whole (the statement is read again from the file when a message needs it).
 */
public final class StepOrigins {

    /** Where a step came from. */
    public record Origin(Statement statement, Optional<Step.Added> added) {
    }

    private int[] numbers = new int[16];
    private int size;
    private final Map<Integer, Step.Added> added = new HashMap<>();

    /** Notes the next step. */
    public void add(Step step) {
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        step.added().ifPresent(a -> added.put(size, a));
        numbers[size++] = step.statement().number();
    }

    public int size() {
        return size;
    }

    /** The origin of the {@code index}th step noted (0-based), or empty past the end. */
    public Optional<Origin> at(Migration migration, int index) {
        if (index < 0 || index >= size) {
            return Optional.empty();
        }
        return Optional.of(new Origin(migration.statements().get(numbers[index] - 1),
                Optional.ofNullable(added.get(index))));
    }
}
