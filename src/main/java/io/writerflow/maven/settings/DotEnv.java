package io.writerflow.maven.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of one dotenv file ({@code .env}, {@code .env.local}), read the way the dotenv tools of the
 * Node ecosystem read them, since drizzle projects share these files with their JavaScript code.
 *
 * <p>Supported: {@code KEY=value}, an optional {@code export } prefix, blank lines, {@code #} comments,
 * inline comments after unquoted values, single quotes (literal), double quotes (with {@code \n}, {@code \"}
 * and {@code \\} escapes, may span lines) and backticks. Lines that are not assignments are reported as
 * problems and skipped rather than failing the build: the file belongs to the whole project, not to us.
 */
public record DotEnv(Path file, Map<String, String> values, List<String> problems) {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*=\\s*(.*)$");

    public DotEnv {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /** Reads {@code file}; a missing file is empty, not an error. */
    public static Optional<DotEnv> read(Path file) {
        try {
            return Optional.of(parse(file, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static DotEnv parse(Path file, String content) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                problems.add(file + ":" + (i + 1) + ": not a KEY=value line, ignored");
                continue;
            }
            String key = m.group(1);
            String raw = m.group(2);
            char quote = raw.isEmpty() ? 0 : raw.charAt(0);
            if (quote == '"' || quote == '\'' || quote == '`') {
                StringBuilder text = new StringBuilder(raw.substring(1));
                int startLine = i;
                int end = closingQuote(text, quote);
                while (end < 0 && i + 1 < lines.length) {
                    text.append('\n').append(lines[++i]);
                    end = closingQuote(text, quote);
                }
                if (end < 0) {
                    problems.add(file + ":" + (startLine + 1) + ": " + key + " has an unterminated " + quote
                            + " quote, ignored");
                    continue;
                }
                String value = text.substring(0, end);
                values.put(key, quote == '"' ? unescape(value) : value);
            } else {
                int comment = raw.indexOf(" #");
                values.put(key, (comment >= 0 ? raw.substring(0, comment) : raw).strip());
            }
        }
        return new DotEnv(file, values, problems);
    }

    private static int closingQuote(CharSequence text, char quote) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
