package io.writerflow.maven.mojo;

import io.writerflow.maven.diff.RenamePrompt;
import io.writerflow.maven.diff.RenameQuestion;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * drizzle-kit's rename question on the terminal Maven runs in. drizzle-kit moves a cursor through the list with
 * the arrow keys, which needs a raw terminal Java does not give; here the choices are numbered:
 *
 * <pre>
 * Is articles table created or renamed from another table?
 *   1) + articles          create table
 *   2) ~ posts › articles  rename table
 * Answer 1-2: 2
 * ~ posts › articles table will be renamed
 * </pre>
 *
 * There is no default answer: Enter alone asks again, since "create" drops the data of what it might have been.
 */
final class ConsoleRenamePrompt implements RenamePrompt {

    private final BufferedReader in;
    private final PrintWriter out;
    private final String arrow;

    /**
     * @param unicode whether the terminal can show drizzle-kit's {@code ›}; else {@code >}
     */
    ConsoleRenamePrompt(BufferedReader in, PrintWriter out, boolean unicode) {
        this.in = in;
        this.out = out;
        this.arrow = unicode ? "\u203A" : ">";
    }

    /** A prompt on the JVM's terminal; empty when there is none (output redirected, a CI runner, an IDE). */
    static Optional<RenamePrompt> onTerminal() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleRenamePrompt(new BufferedReader(console.reader()), console.writer(),
                console.charset().newEncoder().canEncode('\u203A')));
    }

    /**
     * From Java 22, {@code System.console()} is there even when the streams are redirected, and
     * {@code Console.isTerminal()} tells; before, a console is a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public Optional<String> ask(RenameQuestion question) {
        String entity = question.entity();
        out.println();
        out.println("Is " + question.created() + " " + entity + question.table().map(t -> " in " + t + " table")
                .orElse("") + " created or renamed from another " + entity + "?");
        List<String> titles = new ArrayList<>(List.of(question.created()));
        question.candidates().forEach(from -> titles.add(from + " " + arrow + " " + question.created()));
        int width = titles.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < titles.size(); i++) {
            out.println("  " + (i + 1) + ") " + (i == 0 ? "+ " : "~ ") + pad(titles.get(i), width) + "  "
                    + (i == 0 ? "create " : "rename ") + entity);
        }
        int choice = choose(titles.size());
        Optional<String> answer = choice == 1 ? Optional.empty() : Optional.of(question.candidates().get(choice - 2));
        out.println(answer.map(from -> "~ " + from + " " + arrow + " " + question.created() + " " + entity
                + " will be renamed").orElse("+ " + question.created() + " " + entity + " will be created"));
        out.flush();
        return answer;
    }

    /** The number answered, from 1 to {@code options}, asked again until it is one. */
    private int choose(int options) {
        while (true) {
            out.print("Answer 1-" + options + ": ");
            out.flush();
            String line = readLine();
            if (line == null) {
                throw new Unanswered("the terminal closed before an answer");
            }
            try {
                int choice = Integer.parseInt(line.strip());
                if (choice >= 1 && choice <= options) {
                    return choice;
                }
            } catch (NumberFormatException e) {
                // asked again below
            }
            out.println("Type a number from 1 to " + options + " and Enter.");
        }
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new Unanswered("the terminal could not be read: " + e.getMessage());
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
