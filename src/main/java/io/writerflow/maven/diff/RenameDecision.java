package io.writerflow.maven.diff;

import io.writerflow.maven.schema.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The renames a diff runs with, as the user properties that declare them, so that a build can repeat what a
 * user answered without asking.
 *
 * @param renames     the declared renames and the answered ones
 * @param acceptDrops whether what may have been renamed but was not is dropped ({@code writerflow.acceptDrops})
 * @param answered    whether the user was asked: the properties are then worth showing
 */
public record RenameDecision(Renames renames, boolean acceptDrops, boolean answered) {

    /**
     * The renames to diff {@code from} with {@code to}: the declared ones, and, when something else may be a
     * rename and drops are not accepted, what {@code resolver} decides.
     *
     * @throws io.writerflow.maven.WriterflowException when a declared rename does not fit the schemas, or the
     *                                                 resolver refuses
     */
    public static RenameDecision settle(Schema from, Schema to, Renames declared, boolean acceptDrops,
                                        RenameResolver resolver) {
        if (acceptDrops) {
            return new RenameDecision(declared, true, false);
        }
        UndeclaredRenames undeclared = UndeclaredRenames.of(from, to, declared);
        return undeclared.isEmpty() ? new RenameDecision(declared, false, false) : resolver.resolve(undeclared);
    }

    /** The user properties that declare this decision: {@code -Dwriterflow.renames=... -Dwriterflow.acceptDrops=true}. */
    public String properties() {
        List<String> properties = new ArrayList<>();
        if (!renames.isEmpty()) {
            properties.add("-D" + Renames.PROPERTY + "=" + renames.format());
        }
        if (acceptDrops) {
            properties.add("-D" + UndeclaredRenames.ACCEPT_DROPS + "=true");
        }
        return String.join(" ", properties);
    }
}
