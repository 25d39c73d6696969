package io.writerflow.maven.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses the JSON files of a drizzle directory (and the snapshots schema.js evaluates to), naming
 * file:line:column of a syntax error. The tree is built from Jackson's streaming parser rather than by an
 * {@code ObjectMapper}: setting one up costs a cold JVM about 300 ms, as much as generate's other work on a
 * 300-table schema, and reading a tree needs none of its machinery. The nodes are those
 * {@code ObjectMapper.readTree} builds.
 */
public final class JsonFiles {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** tsconfig.json's dialect (JSONC): comments and trailing commas, as TypeScript reads it. */
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFiles() {
    }

    /**
     * @param displayName the file as users see it; named in the error with the position
     * @return the document's root, or a missing node when the content is empty
     */
    public static JsonNode parse(String content, String displayName) {
        return parse(FACTORY, content, displayName);
    }

    /** {@link #parse} for JSON with comments and trailing commas, such as tsconfig.json. */
    public static JsonNode parseLenient(String content, String displayName) {
        return parse(LENIENT, content, displayName);
    }

    private static JsonNode parse(JsonFactory factory, String content, String displayName) {
        try (JsonParser parser = factory.createParser(content)) {
            JsonToken first = parser.nextToken();
            return first == null ? MissingNode.getInstance() : value(parser, first);
        } catch (JsonProcessingException e) {
            throw malformed(e, displayName);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String is never unreadable
        }
    }

    /** Reads a file with Jackson's streaming parser, which {@code read} may leave before the end. */
    public interface StreamRead<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * The part of a JSON file that {@code read} takes from its parser, without parsing the rest: the first keys
     * of a large file.
     *
     * @throws java.nio.file.NoSuchFileException and other failures to read the file
     */
    public static <T> T readStart(Path file, String displayName, StreamRead<T> read) throws IOException {
        try (JsonParser parser = FACTORY.createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return read.read(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e, displayName);
        }
    }

    private static WriterflowException malformed(JsonProcessingException e, String displayName) {
        JsonLocation at = e.getLocation();
        String position = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new WriterflowException(displayName + position + ": malformed JSON: " + e.getOriginalMessage(),
                "Fix the JSON at that position, or restore the committed file with 'git checkout -- "
                        + displayName + "'.");
    }

    /** The value at the parser's current token, as a tree; the parser is left on the value's last token. */
    public static JsonNode read(JsonParser parser) throws IOException {
        return value(parser, parser.currentToken());
    }

    /**
     * Writes a tree with a bare generator (a generator without an {@code ObjectMapper} cannot
     * {@code writeTree}); the output is what {@code ObjectMapper.writeValue} writes with the same generator.
     */
    public static void write(JsonGenerator json, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.writeStartObject();
                for (var field : node.properties()) {
                    json.writeFieldName(field.getKey());
                    write(json, field.getValue());
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonNode item : node) {
                    write(json, item);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> json.writeNumber(node.intValue());
                    case LONG -> json.writeNumber(node.longValue());
                    case BIG_INTEGER -> json.writeNumber(node.bigIntegerValue());
                    case FLOAT -> json.writeNumber(node.floatValue());
                    case DOUBLE -> json.writeNumber(node.doubleValue());
                    default -> json.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> json.writeBoolean(node.booleanValue());
            case NULL -> json.writeNull();
            default -> throw new IllegalArgumentException("cannot write a JSON " + node.getNodeType() + " node");
        }
    }

    /** Writes a JSON document to a generator. */
    public interface Writing {
        void to(JsonGenerator json) throws IOException;
    }

    /** What {@code writing} writes, as text; {@code pretty} indents it as {@code ObjectMapper}'s {@code INDENT_OUTPUT} does. */
    public static String text(boolean pretty, Writing writing) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            writing.to(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never fails
        }
        return out.toString();
    }

    /** A tree as JSON text; {@code pretty} indents it as {@code ObjectMapper}'s {@code INDENT_OUTPUT} does. */
    public static String write(JsonNode node, boolean pretty) {
        return text(pretty, json -> write(json, node));
    }

    /** The JSON string literal of {@code text}, quotes included. */
    public static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    array.add(value(parser, item));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }
}
