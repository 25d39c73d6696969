package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One of {@code count} shards of a fleet ({@code writerflow.shard=index/count}, 1-based): it keeps the databases
 * whose name's CRC32 (of its UTF-8 bytes, as {@link java.util.zip.CRC32} and zlib's {@code crc32} compute it) modulo
 * {@code count} is {@code index - 1}. Stable across runs, machines and list order, so that {@code count} CI runners
 * given {@code 1/count} to {@code count/count} cover every database exactly once with no coordination.
 */
public record Shard(int index, int count) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw invalid(index + "/" + count);
        }
    }

    /** Parses {@code i/n}; null or blank is every database. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw invalid(text);
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static WriterflowException invalid(String text) {
        return new WriterflowException("writerflow.shard is '" + text + "', which is no shard; nothing was run.",
                "Write it as INDEX/COUNT with 1 <= INDEX <= COUNT, such as -Dwriterflow.shard=3/16 (in a CI matrix:"
                        + " one runner per index from 1 to COUNT).");
    }

    /** Whether this shard takes the database named {@code name}. */
    public boolean keeps(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index - 1;
    }

    /** The targets this shard takes, in list order. */
    public List<FleetTarget> of(List<FleetTarget> targets) {
        return count == 1 ? targets : targets.stream().filter(t -> keeps(t.name())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
