package io.writerflow.maven.diff;

import java.util.Optional;

/** Puts a {@link RenameQuestion} to the user: the console in a build, scripted answers in tests. */
@FunctionalInterface
public interface RenamePrompt {

    /**
     * @return the candidate the created table or column was renamed from, or empty when it is new
     * @throws Unanswered when the user gave no answer (the console closed)
     */
    Optional<String> ask(RenameQuestion question);

    /** No answer came: the question stays open, as if nobody had been asked. */
    final class Unanswered extends RuntimeException {

        public Unanswered(String message) {
            super(message);
        }
    }
}
