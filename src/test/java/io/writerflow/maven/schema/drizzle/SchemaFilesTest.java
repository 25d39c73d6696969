package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A schema setting as drizzle-kit reads its {@code schema}: a file, a directory, a glob, or a list. */
class SchemaFilesTest {

    @TempDir
    Path project;

    private Path write(String path) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        return file;
    }

    @Test
    void aFileADirectoryAGlobAndAList() throws IOException {
        Path users = write("src/db/schema/users.ts");
        Path posts = write("src/db/schema/posts.ts");
        write("src/db/schema/README.md");
        write("src/db/schema/types.d.ts");
        Path nested = write("src/db/schema/nested/tags.ts");
        Path views = write("src/db/views.js");

        assertEquals(List.of(users), SchemaFiles.resolve(List.of("./src/db/schema/users.ts"), project, "schema"));
        assertEquals(List.of(posts, users), SchemaFiles.resolve(List.of("./src/db/schema"), project, "schema"),
                "the files directly in a directory, sorted; not other kinds of files, nor declarations");
        assertEquals(List.of(nested, posts, users), SchemaFiles.resolve(List.of("./src/db/schema/*"), project,
                "schema"), "a directory the glob matches gives its files, as in drizzle-kit");
        assertEquals(List.of(nested, posts, users),
                SchemaFiles.resolve(List.of("src/db/schema/**/*.ts"), project, "schema"));
        assertEquals(List.of(views, posts, users),
                SchemaFiles.resolve(List.of("./src/db/views.js", "./src/db/schema/*.ts", "src/db/views.js"), project,
                        "schema"), "in the list's order, each file once");
    }

    @Test
    void nothingFoundNamesTheSettingAndWhatItSaid() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> SchemaFiles.resolve(List.of("./src/db/schema/*.ts"), project, "schema in drizzle.config.ts"));

        assertEquals("No schema files found for schema in drizzle.config.ts = ./src/db/schema/*.ts (relative to "
                + project + ").", e.problem());
        assertTrue(e.nextStep().contains("glob"));
    }
}
