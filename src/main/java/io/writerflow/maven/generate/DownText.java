package io.writerflow.maven.generate;

import io.writerflow.maven.migrations.DownFile;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.plan.PlannedStatement;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A down plan as the text of its file, for the migration's tag (which only the writer knows: the journal's next
 * index, or the folder's timestamp). The text depends on nothing else, so the same inputs give the same file.
 */
public final class DownText {

    /** A tag of the length of none in particular: the text read back for {@link StatementsAsPlanned}. */
    private static final String ANY_TAG = "0000_down";

    private DownText() {
    }

    /**
     * @param previous the tag of the migration before, empty for the first one
     * @param shownAs  the schema as messages name it
     * @throws io.writerflow.maven.WriterflowException when the text would not be read back as the planned
     *                                                 statements, before anything is written
     */
    public static Function<String, String> planned(Plan plan, Optional<String> previous, String shownAs) {
        List<DownFile.Step> steps = plan.statements().stream().map(DownText::step).toList();
        if (!plan.isEmpty()) {
            StatementsAsPlanned.check(plan, DownFile.render(ANY_TAG, previous, steps), shownAs);
        }
        return tag -> DownFile.render(tag, previous, steps);
    }

    /** The template of a hand-written migration's down migration. */
    static Function<String, String> custom(Optional<String> previous) {
        return tag -> DownFile.custom(tag, previous);
    }

    private static DownFile.Step step(PlannedStatement s) {
        return new DownFile.Step(s.sql(), s.dataLoss().map(n -> n.lines().toList()).orElse(List.of()), s.losses());
    }
}
