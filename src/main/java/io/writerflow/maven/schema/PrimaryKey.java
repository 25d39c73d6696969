package io.writerflow.maven.schema;

import java.util.List;
import java.util.Optional;

/** A primary key over several columns, optionally named. */
public record PrimaryKey(Optional<String> name, List<String> columns) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
