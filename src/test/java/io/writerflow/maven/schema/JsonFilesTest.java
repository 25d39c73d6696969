package io.writerflow.maven.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin reads and writes JSON without an ObjectMapper; what it writes must be what one would. */
class JsonFilesTest {

    private static final String DOCUMENT = """
            {"name": "tab\\t \\"quoted\\" é \\u0001", "int": 7, "long": 9007199254740993, "big": 123456789012345678901234567890,
             "double": 1.5, "yes": true, "no": false, "nothing": null, "empty": {}, "list": [], "nested": [{"a": [1, "b"]}]}
            """;

    @Test
    void writesATreeAsAnObjectMapperWould() throws Exception {
        JsonNode tree = JsonFiles.parse(DOCUMENT, "document.json");
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(DOCUMENT), tree);
        assertEquals(mapper.writeValueAsString(tree), JsonFiles.write(tree, false));
        assertEquals(mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree),
                JsonFiles.write(tree, true));
    }

    @Test
    void quotesAStringAsJson() throws Exception {
        String text = "a \"b\" \\ c\n\u0001 é";
        assertEquals(new ObjectMapper().writeValueAsString(text), JsonFiles.quote(text));
        assertEquals(text, JsonFiles.parse(JsonFiles.quote(text), "quoted").textValue());
    }

    /** An ObjectMapper's set-up costs a fresh Maven process about 150 ms (issue 13's startup figures). */
    @Test
    void thePluginSetsUpNoObjectMapper() throws Exception {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> using = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("import com.fasterxml.jackson.databind.ObjectMapper;");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), using, "use JsonFiles (Jackson's streaming parser and generator) instead");
        }
    }

    @Test
    void namesThePositionOfMalformedJson() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> JsonFiles.parse("{\n  \"a\": ,\n}", "drizzle/meta/_journal.json"));
        assertTrue(e.getMessage().startsWith("drizzle/meta/_journal.json:2:"), e.getMessage());
    }
}
