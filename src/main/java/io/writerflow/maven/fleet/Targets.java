package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code targets} parameter: a file listing the fleet's databases ({@code -Dwriterflow.targets=fleet.txt},
 * {@code <targets>fleet.txt</targets>}), or the databases listed in the POM:
 *
 * <pre>{@code
 * <targets>
 *   <target><name>tenant-a</name><url>libsql://tenant-a-org.turso.io</url></target>
 *   <target><name>tenant-b</name><url>file:tenants/b.db</url></target>
 * </targets>
 * }</pre>
 *
 * <p>A bean, so that Maven's configurator fills it either way: it calls {@link #set(String)} with a plain value
 * or a {@code -D} property, and {@link #addTarget} for each {@code <target>} (Maven 3.8 and 3.9 alike). Inline
 * databases are checked as the file's lines are ({@link TargetList}): names, duplicates, URLs, tokens refused,
 * each named by its position.
 */
public class Targets {

    /** How inline databases are named in messages. */
    static final String INLINE = "the POM's <targets>";

    private String file;
    private final List<Target> inline = new ArrayList<>();

    /** One database listed in the POM. */
    public static class Target {
        private String name;
        private String url;

        public Target() {
        }

        public Target(String name, String url) {
            this.name = name;
            this.url = url;
        }

        public void setName(String name) {
            this.name = name;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }

    /** The list file, as {@code <targets>FILE</targets>} or {@code -Dwriterflow.targets=FILE} give it. */
    public static Targets file(String file) {
        Targets targets = new Targets();
        targets.set(file);
        return targets;
    }

    /** Databases listed inline. */
    public static Targets of(Target... targets) {
        Targets list = new Targets();
        List.of(targets).forEach(list::addTarget);
        return list;
    }

    /** Maven's configurator: the parameter's plain value, a file relative to the project. */
    public void set(String file) {
        this.file = file;
    }

    /** Maven's configurator: one {@code <target>}. */
    public void addTarget(Target target) {
        inline.add(target);
    }

    /** Whether nothing is configured (no fleet): no file, no inline database. */
    public boolean isEmpty() {
        return (file == null || file.isBlank()) && inline.isEmpty();
    }

    private Path listFile(Path baseDir) {
        return baseDir.resolve(file.strip()).normalize();
    }

    /** The list as messages name it: the file as {@code display} shows it, or the POM's {@code <targets>}. */
    public String shownAs(Path baseDir, Function<Path, String> display) {
        return inline.isEmpty() ? display.apply(listFile(baseDir)) : INLINE;
    }

    /**
     * The databases, in list order, checked before anything runs; relative {@code file:} URLs resolve against
     * {@code baseDir}.
     */
    public List<FleetTarget> read(Path baseDir, Function<Path, String> display) {
        if (inline.isEmpty()) {
            Path list = listFile(baseDir);
            return TargetList.read(list, display.apply(list), baseDir);
        }
        if (file != null && !file.isBlank()) {
            throw new WriterflowException("writerflow.targets names both a file (" + file.strip() + ") and <target>"
                    + " databases; nothing was run.", "List the databases either in a file or in the POM.");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < inline.size(); i++) {
            Target t = inline.get(i);
            if (t == null || t.name == null || t.name.isBlank() || t.url == null || t.url.isBlank()) {
                throw new WriterflowException("The fleet's list of databases at " + position(i + 1) + " has no "
                        + (t == null || t.name == null || t.name.isBlank() ? "<name>" : "<url>") + "; nothing was run.",
                        "Give each <target> a <name> (letters, digits, '-', '_', '.') and a <url>.");
            }
            lines.add(t.name.strip() + " " + t.url.strip());
        }
        return TargetList.parse(lines, Targets::position, INLINE, baseDir);
    }

    private static String position(int entry) {
        return "<targets> entry " + entry;
    }
}
