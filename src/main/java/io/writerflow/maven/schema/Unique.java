package io.writerflow.maven.schema;

import java.util.List;

/** A table-level {@code UNIQUE} constraint ({@code unique(name).on(...)}). */
public record Unique(String name, List<String> columns) {

    public Unique {
        columns = List.copyOf(columns);
    }
}
