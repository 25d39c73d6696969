package io.writerflow.maven.migrations;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the statements of a migration's text one at a time, holding only the statement being read: a 50 MB
 * migration is split (and summed, see {@link #checksum()}) without being held whole.
 *
 * <p>drizzle-kit separates statements with {@value StatementSplitter#BREAKPOINT}; a chunk between breakpoints
 * may still hold several statements (a hand-written migration, or a journal entry with
 * {@code "breakpoints": false}), and SQLite drivers run only the first statement of a string and silently drop
 * the rest. So each chunk is split again on the semicolons that end statements, with the rules of
 * {@code sqlite3_complete()}: semicolons inside quotes, comments and the body of a
 * {@code CREATE TRIGGER ... BEGIN ... END} do not count. A breakpoint ends its chunk wherever it stands, even
 * inside a quote or a comment, as drizzle-orm's migrator splits on it before reading any SQL.
 */
public final class StatementReader implements Closeable {

    private static final String BREAKPOINT = StatementSplitter.BREAKPOINT;

    /** What the characters being read belong to. */
    private enum Context { CODE, LINE_COMMENT, BLOCK_COMMENT, QUOTED, BRACKETED }

    private final Reader source;
    private final NormalisedChecksum checksum = new NormalisedChecksum();
    private final LookaheadReader in;

    private final StringBuilder text = new StringBuilder(); // the current statement's text, comments included
    private int firstTokenLine = -1;     // line of the statement's first character outside whitespace and comments
    private int count;                   // statements returned so far
    private Context context = Context.CODE;
    private char quote;                  // the quote that opened a QUOTED context
    private boolean inTrigger;           // CREATE [TEMP] TRIGGER seen: only "END ;" ends the statement
    private final List<String> leadingWords = new ArrayList<>(3);
    private String lastWord = "";
    private boolean started;
    private boolean ended;

    public StatementReader(Reader source) {
        this.source = source;
        this.in = new LookaheadReader(source, checksum);
    }

    /** A reader of {@code file}, decoded as UTF-8 with malformed input reported, as {@code Files.readString} does. */
    public static StatementReader open(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return new StatementReader(reader);
    }

    /** The next statement, or {@code null} after the last one. */
    public Statement next() throws IOException {
        if (!started) {
            started = true;
            if (in.peek(0) == '\uFEFF') {
                in.skip(1); // a byte-order mark is not SQL: the file and the server would disagree on it
            }
        }
        while (!ended) {
            int c = in.peek(0);
            if (c < 0) {
                ended = true;
                return endChunk();
            }
            if (c == '-' && in.startsWith(BREAKPOINT, 0)) {
                in.skip(BREAKPOINT.length());
                Statement statement = endChunk();
                if (statement != null) {
                    return statement;
                }
                continue;
            }
            Statement statement = step((char) c);
            if (statement != null) {
                return statement;
            }
        }
        return null;
    }

    /** The checksum of the whole text (see {@link Migration#checksum}); valid once {@link #next} returned null. */
    public int checksum() {
        if (!ended) {
            throw new IllegalStateException("the text has not been read to its end");
        }
        return checksum.value();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /**
     * Reads one character (or word, or the run of characters up to what may end a string or comment) in the
     * current context; returns a statement its semicolon ended. A run stops at a dash too: it may begin a
     * breakpoint, which ends the chunk wherever it stands.
     */
    private Statement step(char c) throws IOException {
        char end = switch (context) {
            case LINE_COMMENT -> '\n';
            case BLOCK_COMMENT -> '*';
            case QUOTED -> quote;
            case BRACKETED -> ']';
            default -> 0;
        };
        if (end != 0 && in.consumeUntil(end, '-', text) > 0) {
            return null;
        }
        switch (context) {
            case LINE_COMMENT -> {
                consume();
                if (c == '\n') {
                    context = Context.CODE;
                }
                return null;
            }
            case BLOCK_COMMENT -> {
                consume();
                if (c == '*' && in.peek(0) == '/') {
                    consume();
                    context = Context.CODE;
                }
                return null;
            }
            case QUOTED -> {
                consume();
                if (c == quote) {
                    if (in.peek(0) == quote) {
                        consume(); // a doubled quote stands for itself
                    } else {
                        context = Context.CODE;
                    }
                }
                return null;
            }
            case BRACKETED -> {
                consume();
                if (c == ']') {
                    context = Context.CODE;
                }
                return null;
            }
            default -> {
                return code(c);
            }
        }
    }

    private Statement code(char c) throws IOException {
        // "--" opens a comment, unless its second dash begins a breakpoint
        if (c == '-' && in.peek(1) == '-' && !in.startsWith(BREAKPOINT, 1)) {
            consume();
            consume();
            context = Context.LINE_COMMENT;
            return null;
        }
        if (c == '/' && in.peek(1) == '*') {
            consume();
            consume();
            context = Context.BLOCK_COMMENT;
            return null;
        }
        if (Character.isWhitespace(c)) {
            consume();
            return null;
        }
        if (firstTokenLine < 0) {
            firstTokenLine = in.line();
        }
        if (c == '\'' || c == '"' || c == '`') {
            consume();
            quote = c;
            context = Context.QUOTED;
            lastWord = "";
        } else if (c == '[') {
            consume();
            context = Context.BRACKETED;
            lastWord = "";
        } else if (Character.isLetter(c) || c == '_') {
            int start = text.length();
            for (int next = c; next >= 0 && isWordPart((char) next); next = in.peek(0)) {
                consume();
            }
            lastWord = text.substring(start).toUpperCase(Locale.ROOT);
            if (leadingWords.size() < 3) {
                leadingWords.add(lastWord);
                inTrigger = isCreateTrigger(leadingWords);
            }
        } else if (c == ';') {
            consume();
            boolean ends = !inTrigger || lastWord.equals("END");
            lastWord = "";
            if (ends) {
                return emit();
            }
        } else {
            consume();
            lastWord = "";
        }
        return null;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean isCreateTrigger(List<String> words) {
        if (words.size() < 2 || !words.get(0).equals("CREATE")) {
            return false;
        }
        String second = words.get(1);
        return second.equals("TRIGGER")
                || ((second.equals("TEMP") || second.equals("TEMPORARY")) && words.size() > 2
                && words.get(2).equals("TRIGGER"));
    }

    private void consume() {
        text.append(in.next());
    }

    /** At a breakpoint or the end of the text: whatever the chunk's last statement holds ends there. */
    private Statement endChunk() {
        context = Context.CODE;
        return emit();
    }

    /** The statement read so far, unless it holds nothing but whitespace and comments; starts the next one. */
    private Statement emit() {
        Statement statement = firstTokenLine < 0 ? null : new Statement(++count, firstTokenLine, text.toString().strip());
        text.setLength(0);
        firstTokenLine = -1;
        inTrigger = false;
        leadingWords.clear();
        lastWord = "";
        return statement;
    }
}
