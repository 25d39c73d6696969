package io.writerflow.maven.diff;

import io.writerflow.maven.diff.Renames.ColumnRename;
import io.writerflow.maven.diff.Renames.TableRename;
import io.writerflow.maven.diff.TableMatch.TablePair;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks about possible renames the way drizzle-kit does: each created table, in the new schema's order, is
 * new or one of the dropped tables not yet taken; then, with those answers applied, each created column of each
 * table, in the table's order, is new or one of its dropped columns of a compatible type not yet taken. The
 * answers become renames as {@code -Dwriterflow.renames} declares them, so that the decision's properties
 * repeat them in a build that cannot ask.
 */
public final class RenameInterview implements RenameResolver {

    private final RenamePrompt prompt;

    public RenameInterview(RenamePrompt prompt) {
        this.prompt = prompt;
    }

    /**
     * @throws io.writerflow.maven.WriterflowException the undeclared renames' failure when a question went
     *                                                 unanswered
     */
    @Override
    public RenameDecision resolve(UndeclaredRenames undeclared) {
        Renames answered;
        try {
            Renames tables = askTables(undeclared);
            answered = askColumns(UndeclaredRenames.of(undeclared.from(), undeclared.to(), tables));
        } catch (RenamePrompt.Unanswered e) {
            throw undeclared.failure();
        }
        // a table or column answered "new" while a rename was possible means the candidates left are dropped,
        // which only acceptDrops says to a build that cannot ask
        boolean drops = !UndeclaredRenames.of(undeclared.from(), undeclared.to(), answered).isEmpty();
        return new RenameDecision(answered, drops, true);
    }

    private Renames askTables(UndeclaredRenames undeclared) {
        Renames declared = undeclared.declared();
        List<TableRename> renames = new ArrayList<>(declared.tables());
        List<String> left = new ArrayList<>(undeclared.tables().dropped().stream().map(Table::name).toList());
        for (Table created : undeclared.tables().created()) {
            if (left.isEmpty()) {
                break;
            }
            ask(new RenameQuestion(Optional.empty(), created.name(), left)).ifPresent(from -> {
                left.remove(from);
                renames.add(new TableRename(from, created.name()));
            });
        }
        return new Renames(renames, declared.columns());
    }

    private Renames askColumns(UndeclaredRenames afterTables) {
        Renames declared = afterTables.declared();
        List<ColumnRename> renames = new ArrayList<>(declared.columns());
        for (TablePair pair : afterTables.tables().kept()) {
            String table = pair.after().name();
            List<Column> left = new ArrayList<>(UndeclaredRenames.droppedColumns(pair));
            for (Column created : UndeclaredRenames.createdColumns(pair)) {
                List<String> candidates = left.stream().filter(c -> UndeclaredRenames.mayBecome(c, created))
                        .map(Column::name).toList();
                if (!candidates.isEmpty()) {
                    ask(new RenameQuestion(Optional.of(table), created.name(), candidates)).ifPresent(from -> {
                        left.removeIf(c -> c.name().equals(from));
                        renames.add(new ColumnRename(table, from, created.name()));
                    });
                }
            }
        }
        return new Renames(declared.tables(), renames);
    }

    private Optional<String> ask(RenameQuestion question) {
        Optional<String> answer = prompt.ask(question);
        if (answer.isPresent() && !question.candidates().contains(answer.get())) {
            throw new IllegalStateException("the prompt answered " + answer.get() + ", not one of "
                    + question.candidates());
        }
        return answer;
    }
}
