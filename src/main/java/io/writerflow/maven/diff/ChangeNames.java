package io.writerflow.maven.diff;

import io.writerflow.maven.diff.SchemaChange.AddColumn;
import io.writerflow.maven.diff.SchemaChange.AlterColumn;
import io.writerflow.maven.diff.SchemaChange.CreateIndex;
import io.writerflow.maven.diff.SchemaChange.CreateTable;
import io.writerflow.maven.diff.SchemaChange.CreateView;
import io.writerflow.maven.diff.SchemaChange.DropColumn;
import io.writerflow.maven.diff.SchemaChange.DropIndex;
import io.writerflow.maven.diff.SchemaChange.DropTable;
import io.writerflow.maven.diff.SchemaChange.DropView;
import io.writerflow.maven.diff.SchemaChange.RenameColumn;
import io.writerflow.maven.diff.SchemaChange.RenameTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names a migration after what it does, in place of drizzle-kit's random words: {@code create_users},
 * {@code add_documents_score}, {@code drop_tags}, {@code rename_posts_to_articles}. The same changes always
 * give the same tag.
 */
public final class ChangeNames {

    /** The longest tag, without the {@code NNNN_} prefix. */
    public static final int MAX_LENGTH = 40;

    private ChangeNames() {
    }

    /**
     * A tag of lowercase letters, digits and underscores, at most {@link #MAX_LENGTH} characters: the changes'
     * phrases, similar ones merged ({@code add_documents_score_title}), as many as fit, in order.
     */
    public static String tag(List<SchemaChange> changes) {
        // verb + table -> the names it applies to, in first-seen order
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        Set<String> createdTables = new HashSet<>();
        Set<String> viewsDropped = new HashSet<>();
        changes.stream().filter(c -> c instanceof DropView).forEach(c -> viewsDropped.add(c.subject()));
        for (SchemaChange change : changes) {
            if (change instanceof CreateTable c) {
                createdTables.add(c.table().name());
                add(phrases, "create", c.table().name());
            } else if (change instanceof DropTable c) {
                add(phrases, "drop", c.table().name());
            } else if (change instanceof RenameTable c) {
                add(phrases, "rename", c.from() + "_to_" + c.to());
            } else if (change instanceof AddColumn c) {
                add(phrases, "add_" + c.table(), c.column().name());
            } else if (change instanceof DropColumn c) {
                add(phrases, "drop_" + c.table(), c.column().name());
            } else if (change instanceof RenameColumn c) {
                add(phrases, "rename_" + c.table(), c.from() + "_to_" + c.to());
            } else if (change instanceof AlterColumn c) {
                add(phrases, "alter_" + c.table(), c.to().name());
            } else if (change instanceof CreateIndex c) {
                if (!createdTables.contains(c.table())) {
                    add(phrases, "add_index", c.index().name());
                }
            } else if (change instanceof DropIndex c) {
                add(phrases, "drop_index", c.index().name());
            } else if (change instanceof CreateView c) {
                add(phrases, viewsDropped.contains(c.subject()) ? "alter_view" : "create_view", c.subject());
            } else if (change instanceof DropView c) {
                boolean recreated = changes.stream()
                        .anyMatch(o -> o instanceof CreateView && o.subject().equals(c.subject()));
                if (!recreated) {
                    add(phrases, "drop_view", c.subject());
                }
            } else {
                // keys, checks and foreign keys: the table is altered
                add(phrases, "alter_" + change.subject(), null);
            }
        }
        List<String> parts = new ArrayList<>();
        phrases.forEach((verb, names) -> parts.add(slug(verb + (names.isEmpty() ? "" : "_" + String.join("_", names)))));
        if (parts.isEmpty()) {
            return "no_changes";
        }
        StringBuilder tag = new StringBuilder(parts.get(0));
        for (String part : parts.subList(1, parts.size())) {
            if (tag.length() + 1 + part.length() > MAX_LENGTH) {
                break;
            }
            tag.append('_').append(part);
        }
        String result = tag.length() > MAX_LENGTH ? tag.substring(0, MAX_LENGTH) : tag.toString();
        result = result.replaceAll("_+$", "");
        return result.isEmpty() ? "migration" : result;
    }

    /**
     * One change as a phrase for the build log, such as {@code add column documents.score} or
     * {@code create index documents_owner_idx on documents}.
     */
    public static String describe(SchemaChange change) {
        if (change instanceof CreateTable c) {
            return "create table " + c.table().name();
        } else if (change instanceof DropTable c) {
            return "drop table " + c.table().name();
        } else if (change instanceof RenameTable c) {
            return "rename table " + c.from() + " to " + c.to();
        } else if (change instanceof AddColumn c) {
            return "add column " + c.table() + "." + c.column().name();
        } else if (change instanceof DropColumn c) {
            return "drop column " + c.table() + "." + c.column().name();
        } else if (change instanceof RenameColumn c) {
            return "rename column " + c.table() + "." + c.from() + " to " + c.to();
        } else if (change instanceof AlterColumn c) {
            return "alter column " + c.table() + "." + c.to().name();
        } else if (change instanceof CreateIndex c) {
            return "create index " + c.index().name() + " on " + c.table();
        } else if (change instanceof DropIndex c) {
            return "drop index " + c.index().name() + " on " + c.table();
        } else if (change instanceof CreateView c) {
            return "create view " + c.subject();
        } else if (change instanceof DropView c) {
            return "drop view " + c.subject();
        }
        // keys, checks and foreign keys: "AddForeignKey" -> "add foreign key on documents"
        String kind = change.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return kind + " on " + change.subject();
    }

    private static void add(Map<String, List<String>> phrases, String verb, String name) {
        List<String> names = phrases.computeIfAbsent(verb, v -> new ArrayList<>());
        if (name != null && !names.contains(name)) {
            names.add(name);
        }
    }

    /** Lowercase ASCII letters and digits, everything else one underscore. */
    private static String slug(String text) {
        String lower = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
