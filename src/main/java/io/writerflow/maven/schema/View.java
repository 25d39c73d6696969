package io.writerflow.maven.schema;

import java.util.List;
import java.util.Optional;

/**
 * A view ({@code sqliteView}).
 *
 * @param definition the SELECT, absent for an existing view that drizzle does not manage
 * @param existing   {@code .existing()}: drizzle only knows it, never creates or drops it
 */
public record View(String name, List<Column> columns, Optional<String> definition, boolean existing) {

    public View {
        columns = List.copyOf(columns);
    }
}
