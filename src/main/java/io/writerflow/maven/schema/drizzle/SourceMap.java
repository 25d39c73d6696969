package io.writerflow.maven.schema.drizzle;

import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.schema.JsonFiles;

import java.util.ArrayList;
import java.util.List;

/**
 * A source map (version 3) of transpiled TypeScript, to name the TypeScript line of an error GraalJS reports
 * in the JavaScript it ran (Node.js maps its stacks itself, with --enable-source-maps). Only what that needs:
 * each generated line's segments, decoded from their base64 VLQs, and the original position of a column.
 * Hand-written because the libraries that read source maps come with a whole JavaScript compiler.
 */
final class SourceMap {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** generated line (0-based) -> segments of {generated column, original line, original column}, 0-based. */
    private final List<List<int[]>> lines;

    private SourceMap(List<List<int[]>> lines) {
        this.lines = lines;
    }

    static SourceMap parse(String json) {
        JsonNode map = JsonFiles.parse(json, "source map");
        String mappings = map.path("mappings").asText("");
        List<List<int[]>> lines = new ArrayList<>();
        int originalLine = 0;
        int originalColumn = 0;
        for (String line : mappings.split(";", -1)) {
            List<int[]> segments = new ArrayList<>();
            int generatedColumn = 0;
            for (String segment : line.split(",")) {
                if (segment.isEmpty()) {
                    continue;
                }
                int[] fields = decode(segment);
                generatedColumn += fields[0];
                if (fields.length >= 4) {
                    originalLine += fields[2];
                    originalColumn += fields[3];
                    segments.add(new int[]{generatedColumn, originalLine, originalColumn});
                }
            }
            lines.add(segments);
        }
        return new SourceMap(lines);
    }

    /**
     * The original 1-based line and column of a 1-based generated position: the segment at or before the column
     * on that line, or the line's first segment.
     */
    int[] original(int line, int column) {
        if (line < 1 || line > lines.size() || lines.get(line - 1).isEmpty()) {
            return new int[]{line, column};
        }
        int[] best = lines.get(line - 1).get(0);
        for (int[] segment : lines.get(line - 1)) {
            if (segment[0] <= column - 1) {
                best = segment;
            }
        }
        // within a segment the text is the source's own, so the offset carries over
        return new int[]{best[1] + 1, best[2] + 1 + Math.max(0, column - 1 - best[0])};
    }

    private static int[] decode(String segment) {
        List<Integer> values = new ArrayList<>();
        int value = 0;
        int shift = 0;
        for (char c : segment.toCharArray()) {
            int digit = BASE64.indexOf(c);
            value += (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
            } else {
                values.add((value & 1) == 1 ? -(value >> 1) : value >> 1);
                value = 0;
                shift = 0;
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
