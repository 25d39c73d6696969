package io.writerflow.maven.check;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;

import java.util.List;

/**
 * writerflow:check's failure: every problem it found, numbered, each with its own next step, so that a CI run
 * shows them all rather than one per run.
 */
public class CheckFailedException extends WriterflowException {

    private final transient List<Problem> problems;

    public CheckFailedException(String directory, List<Problem> problems) {
        super(numbered(directory, problems), null);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String numbered(String directory, List<Problem> problems) {
        StringBuilder message = new StringBuilder("writerflow:check found " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + " in " + directory + ":");
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n").append(i + 1).append(". ")
                    .append(problems.get(i).toString().replace("\n", "\n   "));
        }
        return message.toString();
    }
}
