package io.writerflow.maven.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The splitter as it was before statements were read incrementally, over the whole text with offsets: kept as
 * the reference that {@link StatementReaderTest} compares {@link StatementReader} with on generated texts.
 */
final class WholeTextSplitter {

    private static final String BREAKPOINT = StatementSplitter.BREAKPOINT;

    private WholeTextSplitter() {
    }

    static List<Statement> split(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is not SQL
        List<Statement> statements = new ArrayList<>();
        int[] newlines = newlineOffsets(content);
        int chunkStart = 0;
        while (chunkStart <= content.length()) {
            int breakpoint = content.indexOf(BREAKPOINT, chunkStart);
            int chunkEnd = breakpoint < 0 ? content.length() : breakpoint;
            splitChunk(content, chunkStart, chunkEnd, newlines, statements);
            if (breakpoint < 0) {
                break;
            }
            chunkStart = breakpoint + BREAKPOINT.length();
        }
        return List.copyOf(statements);
    }

    private static void splitChunk(String text, int from, int to, int[] newlines, List<Statement> out) {
        int start = from;          // start of the current statement's text
        int firstToken = -1;       // offset of its first character outside whitespace and comments
        boolean inTrigger = false; // CREATE [TEMP] TRIGGER seen: only "END ;" ends the statement
        List<String> leadingWords = new ArrayList<>(3);
        String lastWord = "";
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
                i = skipTo(text, i, to, "\n");
                continue;
            }
            if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                i = skipTo(text, i + 2, to, "*/");
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (firstToken < 0) {
                firstToken = i;
            }
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, to, c);
                lastWord = "";
            } else if (c == '[') {
                i = skipTo(text, i + 1, to, "]");
                lastWord = "";
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < to && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '$')) {
                    end++;
                }
                lastWord = text.substring(i, end).toUpperCase(Locale.ROOT);
                if (leadingWords.size() < 3) {
                    leadingWords.add(lastWord);
                    inTrigger = isCreateTrigger(leadingWords);
                }
                i = end;
            } else if (c == ';') {
                if (!inTrigger || lastWord.equals("END")) {
                    emit(text, start, i + 1, firstToken, newlines, out);
                    start = i + 1;
                    firstToken = -1;
                    inTrigger = false;
                    leadingWords.clear();
                }
                lastWord = "";
                i++;
            } else {
                lastWord = "";
                i++;
            }
        }
        emit(text, start, to, firstToken, newlines, out);
    }

    private static boolean isCreateTrigger(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("CREATE") || words.size() < 2) {
            return false;
        }
        String second = words.get(1);
        return second.equals("TRIGGER")
                || ((second.equals("TEMP") || second.equals("TEMPORARY")) && words.size() > 2
                && words.get(2).equals("TRIGGER"));
    }

    /** Adds the statement, unless it holds nothing but whitespace and comments. */
    private static void emit(String text, int start, int end, int firstToken, int[] newlines,
                             List<Statement> out) {
        if (firstToken < 0) {
            return;
        }
        String sql = text.substring(start, end).strip();
        out.add(new Statement(out.size() + 1, lineOf(newlines, firstToken), sql));
    }

    private static int skipTo(String text, int from, int to, String terminator) {
        int found = text.indexOf(terminator, from);
        return found < 0 || found >= to ? to : found + terminator.length();
    }

    /** Skips a quoted string or identifier, where a doubled quote stands for itself. */
    private static int skipQuoted(String text, int open, int to, char quote) {
        int i = open + 1;
        while (i < to) {
            if (text.charAt(i) == quote) {
                if (i + 1 < to && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return to;
    }

    /** Offsets of the file's line breaks, found once: a large file has many statements to place. */
    private static int[] newlineOffsets(String text) {
        return java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
    }

    /** 1-based line of {@code offset}: one more than the number of line breaks before it. */
    private static int lineOf(int[] newlines, int offset) {
        int found = java.util.Arrays.binarySearch(newlines, offset);
        return (found >= 0 ? found : -found - 1) + 1;
    }
}
