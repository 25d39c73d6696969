package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The snapshots of a folder directory as the graph their {@code prevIds} make. drizzle-kit 1.0 lets branches
 * merge without a conflict in any file: two branches that each generated a migration leave two ends, and a
 * migration generated on top of only one of them would repeat or undo the other's changes.
 */
final class SnapshotChain {

    /** A migration's snapshot and where it sits. */
    record Node(MigrationEntry entry, SnapshotHeader header) {
    }

    private SnapshotChain() {
    }

    /** The snapshots no other one follows: one in a directory whose branches were merged. */
    static List<Node> ends(List<Node> nodes) {
        Set<String> parents = new HashSet<>();
        nodes.forEach(n -> parents.addAll(n.header().prevIds()));
        return nodes.stream().filter(n -> !parents.contains(n.header().id())).toList();
    }

    /** Two or more ends, named, and what to do. */
    static WriterflowException forked(List<Node> ends, String display) {
        String folders = ends.stream().map(n -> display + "/" + n.entry().tag()).collect(Collectors.joining(" and "));
        return new WriterflowException(folders + " each end the chain of snapshots (no later snapshot follows"
                + " them): two branches each generated a migration without the other's.",
                "Of " + ends.stream().map(n -> n.entry().tag()).collect(Collectors.joining(" and "))
                        + ", keep the one merged first; delete the other's folder, then run mvn writerflow:generate"
                        + " again to generate its changes on top.");
    }

    /** Parents no folder has, parents that sort after their migration, and several ends. */
    static List<WriterflowException> problems(List<Node> nodes, String display) {
        List<WriterflowException> problems = new ArrayList<>();
        Map<String, Node> byId = byId(nodes);
        for (Node node : nodes) {
            for (String parentId : node.header().prevIds()) {
                if (!parentId.equals(Snapshot.ORIGIN) && !byId.containsKey(parentId)) {
                    String folder = display + "/" + node.entry().tag();
                    problems.add(new WriterflowException(folder + "/" + FolderListing.SNAPSHOT + " follows snapshot "
                            + parentId + ", which no migration folder has: the chain of snapshots is broken.",
                            "Restore the missing migration folder from version control, or delete " + folder
                                    + " and every later migration, then run mvn writerflow:generate again."));
                }
            }
        }
        problems.addAll(outOfOrder(nodes, display));
        List<Node> ends = ends(nodes);
        if (ends.size() > 1) {
            problems.add(forked(ends, display));
        }
        return problems;
    }

    /**
     * Migrations that sort before a snapshot they follow, so that every migrator applies them before it:
     * drizzle-kit 1.0 names two migrations generated within one second so, whatever their order.
     */
    static List<WriterflowException> outOfOrder(List<Node> nodes, String display) {
        List<WriterflowException> problems = new ArrayList<>();
        Map<String, Node> byId = byId(nodes);
        for (Node node : nodes) {
            for (String parentId : node.header().prevIds()) {
                Node parent = byId.get(parentId);
                if (parent != null && parent.entry().tag().compareTo(node.entry().tag()) >= 0) {
                    String folder = display + "/" + node.entry().tag();
                    problems.add(new WriterflowException(folder + " sorts before " + display + "/"
                            + parent.entry().tag() + ", whose snapshot it follows, so it would be applied first"
                            + " (drizzle-kit 1.0 names two migrations generated within one second so).",
                            "If no database has applied " + node.entry().tag() + " yet, rename " + folder
                                    + " with a timestamp after " + parent.entry().tag() + "'s."));
                }
            }
        }
        return problems;
    }

    private static Map<String, Node> byId(List<Node> nodes) {
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.putIfAbsent(n.header().id(), n));
        return byId;
    }
}
