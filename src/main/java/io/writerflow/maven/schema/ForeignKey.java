package io.writerflow.maven.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param onUpdate drizzle's action text: {@code no action}, {@code cascade}, {@code set null},
 *                 {@code set default}, {@code restrict}
 */
public record ForeignKey(String name, String tableFrom, List<String> columnsFrom, String tableTo,
                         List<String> columnsTo, String onUpdate, String onDelete) {

    public ForeignKey {
        columnsFrom = List.copyOf(columnsFrom);
        columnsTo = List.copyOf(columnsTo);
    }
}
