package io.writerflow.maven.lint.analysis;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.FindingCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- writerflow:lint-ignore <code> <reason>} comments of a migration file: on the comment lines directly
 * above a statement (no blank line between), each silences that statement's findings of its code. The reason is
 * required, because a suppression is a decision a reviewer has to be able to read: one without it silences nothing
 * and is a finding of its own ({@code WF902}). Read from the file's lines, not from the statements, because a
 * comment above the first statement after a {@code --> statement-breakpoint} belongs to no statement's text.
 */
public final class Suppressions {

    public static final String MARKER = "writerflow:lint-ignore";

    private static final Pattern COMMENT = Pattern.compile("^--\\s*" + Pattern.quote(MARKER)
            + "(?:\\s+(\\S+))?(?:\\s+(.*))?$");

    /** One comment: its line, the code as written, and its reason (blank when missing). */
    record Suppression(int line, String code, String reason) {
    }

    private final Map<Integer, List<Suppression>> byStatementLine;

    private Suppressions(Map<Integer, List<Suppression>> byStatementLine) {
        this.byStatementLine = byStatementLine;
    }

    /**
     * @param statementLines the lines statements start on: a comment run counts only above one of them
     * @param display        the file as messages name it
     */
    public static Suppressions read(Path file, String display, Set<Integer> statementLines) {
        Map<Integer, List<Suppression>> found = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Suppression> run = new ArrayList<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.strip();
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1).strip();
                }
                if (text.startsWith("--")) {
                    Matcher m = COMMENT.matcher(text);
                    if (m.matches()) {
                        run.add(new Suppression(number, m.group(1) == null ? "" : m.group(1),
                                m.group(2) == null ? "" : m.group(2).strip()));
                    }
                    continue; // other comments and breakpoints between the suppression and its statement are fine
                }
                if (!text.isEmpty() && statementLines.contains(number) && !run.isEmpty()) {
                    found.put(number, run);
                }
                run = new ArrayList<>();
            }
        } catch (IOException e) {
            throw new WriterflowException("Cannot read " + display + ": " + e.getMessage(),
                    "Check that the file is readable UTF-8 text.", e);
        }
        return new Suppressions(found);
    }

    /**
     * The findings with those a comment silences marked, plus a finding for each comment that silences nothing
     * because it has no reason or names no code.
     */
    public List<Finding> apply(List<Finding> findings, String tag, String file) {
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<Suppression> by = byStatementLine.getOrDefault(finding.line(), List.of()).stream()
                    .filter(s -> s.code().equalsIgnoreCase(finding.code().code()) && !s.reason().isEmpty()
                            && finding.code().suppressible())
                    .findFirst();
            result.add(by.map(s -> finding.suppressedBecause(s.reason())).orElse(finding));
        }
        byStatementLine.values().stream().flatMap(List::stream).sorted(java.util.Comparator.comparingInt(
                Suppression::line)).forEach(s -> {
                    if (FindingCode.of(s.code()).isEmpty()) {
                        result.add(Finding.of(FindingCode.SUPPRESSION_UNKNOWN_CODE, tag, file, s.line(),
                                MARKER + " " + (s.code().isEmpty() ? "names no code" : "names " + s.code()
                                        + ", which is no lint code") + ": write one such as WF101 (see the README's"
                                        + " table of codes), then the reason"));
                    } else if (s.reason().isEmpty()) {
                        result.add(Finding.of(FindingCode.SUPPRESSION_WITHOUT_REASON, tag, file, s.line(),
                                MARKER + " " + s.code() + " gives no reason, so it silences nothing: write why the"
                                        + " finding is acceptable after the code"));
                    }
                });
        return result;
    }
}
