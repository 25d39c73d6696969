package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.fleet.FleetTarget;
import io.writerflow.maven.fleet.TargetList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a fleet's databases through the Turso Platform API ({@code writerflow.organization}): lists the
 * organization's databases (of one group, when given), keeps those the name patterns take, sorted by name so that
 * the canary stage and the report are stable from run to run, and turns each into a {@link FleetTarget} through the
 * URL template. Finding none fails: a release that reached no database is no success.
 */
public final class Discovery {

    /** How long to wait for the Platform API: a connection, and each answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DiscoverySettings settings;
    private final PlatformApi api;
    private final Path baseDir;

    public Discovery(DiscoverySettings settings, PlatformApi api, Path baseDir) {
        this.settings = settings;
        this.api = api;
        this.baseDir = baseDir;
    }

    /** Discovery through the API at {@code settings.platformUrl()} with {@code token}. */
    public static Discovery connect(DiscoverySettings settings, PlatformToken token, Path baseDir) {
        return new Discovery(settings, new PlatformApi(settings.platformUrl(), token, TIMEOUT), baseDir);
    }

    public DiscoveredFleet discover() {
        String org = settings.organization();
        List<PlatformDatabase> listed = api.databases(org, settings.group()).stream()
                // the API filters by group already; filtering again keeps a proxy that ignores ?group= honest
                .filter(d -> settings.group().map(g -> d.group().isEmpty() || d.group().equals(g)).orElse(true))
                .toList();
        if (listed.isEmpty()) {
            throw settings.group().map(g -> new WriterflowException("Group '" + g + "' of organization '" + org
                    + "' holds no database (or the Turso Platform API knows no such group); nothing was run.",
                    "Check writerflow.group (turso group list --org " + org + "; turso db list --group " + g
                            + "), or unset it to take databases from every group."))
                    .orElseGet(() -> new WriterflowException("Organization '" + org + "' has no database; nothing"
                            + " was run.", "Check writerflow.organization (turso org list; turso db list)."));
        }
        List<PlatformDatabase> chosen = listed.stream().filter(d -> settings.patterns().matches(d.name()))
                .sorted(Comparator.comparing(PlatformDatabase::name)).toList();
        if (chosen.isEmpty()) {
            throw new WriterflowException("writerflow.databases '" + settings.patterns().text() + "' takes none of the "
                    + listed.size() + " database" + (listed.size() == 1 ? "" : "s") + " of "
                    + settings.describe().replaceFirst(", writerflow.databases .*$", "") + " (such as "
                    + String.join(", ", listed.stream().map(PlatformDatabase::name).sorted().limit(3).toList())
                    + "); nothing was run.", "Fix the patterns: comma-separated, '*' for any characters, '!' to"
                    + " exclude, such as tenant-*,!tenant-test-*.");
        }
        String declaredAt = "the Turso Platform API (organization '" + org + "')";
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, PlatformDatabase> seen = new HashMap<>();
        List<FleetTarget> targets = chosen.stream().map(d -> {
            if (!TargetList.validName(d.name())) {
                throw new WriterflowException("The Turso Platform API lists a database named '" + d.name()
                        + "', which writerflow cannot name in a fleet; nothing was run.",
                        "Exclude it with writerflow.databases=...,!" + d.name().replaceAll("[^A-Za-z0-9._-]", "*") + ".");
            }
            if (seen.putIfAbsent(d.name(), d) != null) {
                throw new WriterflowException("The Turso Platform API lists database '" + d.name() + "' twice in "
                        + settings.describe() + "; nothing was run.", "Check writerflow.platformUrl: a proxy"
                        + " in front of the API may be merging answers.");
            }
            groups.put(d.name(), d.group());
            return new FleetTarget(d.name(), settings.urlTemplate().url(d, baseDir), declaredAt);
        }).toList();
        return new DiscoveredFleet(settings, api, targets, groups);
    }
}
