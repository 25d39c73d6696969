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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names a migration after what it does, in place of drizzle-kit's random words: {@code create_users},
 * {@code add_documents_score}, {@code drop_tags}, {@code rename_posts_to_articles}. Every kind of change the
 * migration makes is named, within {@link #MAX_LENGTH} characters: {@code create_drop_tags_alter_posts_add_users}.
 * The same changes always give the same tag.
 */
public final class ChangeNames {

    /** The longest tag, without the {@code NNNN_} prefix. */
    public static final int MAX_LENGTH = 40;

    private ChangeNames() {
    }

    /**
     * A tag of lowercase letters, digits and underscores, at most {@link #MAX_LENGTH} characters: the changes'
     * phrases in order, similar ones merged ({@code add_documents_score_title}). While the tag is too long, the
     * longest phrase is shortened a step (its first names and {@code etc}, then its table, then its verb alone),
     * so that short phrases keep their names and every verb stays.
     */
    public static String tag(List<SchemaChange> changes) {
        // verb (+ table, for changes inside a table) -> the names it applies to, in first-seen order
        Map<Phrase, List<String>> phrases = new LinkedHashMap<>();
        Set<String> createdTables = new HashSet<>();
        Set<String> viewsDropped = new HashSet<>();
        changes.stream().filter(c -> c instanceof DropView).forEach(c -> viewsDropped.add(c.subject()));
        for (SchemaChange change : changes) {
            if (change instanceof CreateTable c) {
                createdTables.add(c.table().name());
                add(phrases, "create", null, c.table().name());
            } else if (change instanceof DropTable c) {
                add(phrases, "drop", null, c.table().name());
            } else if (change instanceof RenameTable c) {
                add(phrases, "rename", null, c.from() + "_to_" + c.to());
            } else if (change instanceof AddColumn c) {
                add(phrases, "add", c.table(), c.column().name());
            } else if (change instanceof DropColumn c) {
                add(phrases, "drop", c.table(), c.column().name());
            } else if (change instanceof RenameColumn c) {
                add(phrases, "rename", c.table(), c.from() + "_to_" + c.to());
            } else if (change instanceof AlterColumn c) {
                add(phrases, "alter", c.table(), c.to().name());
            } else if (change instanceof CreateIndex c) {
                if (!createdTables.contains(c.table())) {
                    add(phrases, "add_index", null, c.index().name());
                }
            } else if (change instanceof DropIndex c) {
                add(phrases, "drop_index", null, c.index().name());
            } else if (change instanceof CreateView c) {
                add(phrases, viewsDropped.contains(c.subject()) ? "alter_view" : "create_view", null, c.subject());
            } else if (change instanceof DropView c) {
                boolean recreated = changes.stream()
                        .anyMatch(o -> o instanceof CreateView && o.subject().equals(c.subject()));
                if (!recreated) {
                    add(phrases, "drop_view", null, c.subject());
                }
            } else {
                // keys, checks and foreign keys: the table is altered
                add(phrases, "alter", change.subject(), null);
            }
        }
        if (phrases.isEmpty()) {
            return "no_changes";
        }
        List<List<String>> forms = phrases.entrySet().stream().map(e -> e.getKey().forms(e.getValue())).toList();
        int[] step = new int[forms.size()];
        while (join(forms, step).length() > MAX_LENGTH) {
            int longest = -1;
            for (int i = 0; i < forms.size(); i++) {
                boolean shorter = step[i] + 1 < forms.get(i).size();
                // on a tie the later phrase gives way: the first ones are what the migration is mostly about
                if (shorter && (longest < 0 || form(forms, step, i).length() >= form(forms, step, longest).length())) {
                    longest = i;
                }
            }
            if (longest < 0) {
                break;
            }
            step[longest]++;
        }
        String tag = join(forms, step);
        if (tag.length() > MAX_LENGTH) {
            // more kinds of change than fit even as bare verbs: as many as fit, cut between words
            int cut = tag.lastIndexOf('_', MAX_LENGTH);
            tag = tag.substring(0, cut > 0 ? cut : MAX_LENGTH);
        }
        tag = tag.replaceAll("_+$", "");
        return tag.isEmpty() ? "migration" : tag;
    }

    /**
     * A verb and what it applies to: tables ({@code create_users_documents}), or the columns of one table
     * ({@code add_documents_score_title}), possibly none ({@code alter_documents} for its keys).
     *
     * @param table the table whose columns the names are, {@code null} when the names are tables (or views,
     *              indexes)
     */
    private record Phrase(String verb, String table) {

        /**
         * The ways to write it with these names, longest first, each shorter than the one before and none longer
         * than a whole tag but the verb alone: all names, the first ones and {@code etc}, the table, the verb.
         */
        List<String> forms(List<String> names) {
            String head = verb + (table == null ? "" : "_" + table);
            // built from the short end, so that a first migration of 300 tables stops at the few that fit
            List<String> forms = new ArrayList<>(List.of(slug(verb)));
            addIfLonger(forms, slug(head));
            for (int kept = 1; kept < names.size(); kept++) {
                String form = slug(head + "_" + String.join("_", names.subList(0, kept)) + "_etc");
                if (form.length() > MAX_LENGTH) {
                    break;
                }
                addIfLonger(forms, form);
            }
            if (!names.isEmpty()) {
                addIfLonger(forms, slug(head + "_" + String.join("_", names)));
            }
            Collections.reverse(forms);
            return forms;
        }

        private static void addIfLonger(List<String> forms, String form) {
            if (form.length() <= MAX_LENGTH && form.length() > forms.get(forms.size() - 1).length()) {
                forms.add(form);
            }
        }
    }

    private static String form(List<List<String>> forms, int[] step, int i) {
        return forms.get(i).get(step[i]);
    }

    /** The phrases in their current forms; a form said already (a bare verb, mostly) is not said again. */
    private static String join(List<List<String>> forms, int[] step) {
        Set<String> parts = new LinkedHashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            String part = form(forms, step, i);
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("_", parts);
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

    private static void add(Map<Phrase, List<String>> phrases, String verb, String table, String name) {
        List<String> names = phrases.computeIfAbsent(new Phrase(verb, table), p -> new ArrayList<>());
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
