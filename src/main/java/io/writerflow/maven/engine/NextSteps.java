package io.writerflow.maven.engine;

/** Next steps that several goals give for one situation, so that they say the same. */
public final class NextSteps {

    private NextSteps() {
    }

    /** For a migration edited after it was applied: apply, status and check find it. */
    public static String restoreEdited(String file) {
        return "Restore the applied text (git log -p -- " + file + " shows it) and put the change into a new"
                + " migration (mvn writerflow:generate, -Dwriterflow.custom=true for hand-written SQL); or, when the"
                + " edit changes nothing a database needs (a comment), accept it with mvn writerflow:repair.";
    }
}
