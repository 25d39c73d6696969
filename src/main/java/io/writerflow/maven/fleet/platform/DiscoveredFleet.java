package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.fleet.FleetTarget;
import io.writerflow.maven.fleet.FleetTokens;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.settings.DatabaseUrl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The databases discovery found, sorted by name, with each one's group: the group token is minted only for the
 * databases that end up running and have no token of their own (see {@link #tokens}).
 */
public final class DiscoveredFleet {

    private final DiscoverySettings settings;
    private final PlatformApi api;
    private final List<FleetTarget> targets;
    private final Map<String, String> groups;

    DiscoveredFleet(DiscoverySettings settings, PlatformApi api, List<FleetTarget> targets, Map<String, String> groups) {
        this.settings = settings;
        this.api = api;
        this.targets = List.copyOf(targets);
        this.groups = Map.copyOf(groups);
    }

    public List<FleetTarget> targets() {
        return targets;
    }

    /** Where the databases came from, for messages: {@code organization 'acme', group 'tenants'}. */
    public String describe() {
        return settings.describe();
    }

    /**
     * {@code tokens}, with a group token for each remote database of {@code selected} that has no token of its own
     * ({@code WRITERFLOW_TOKEN_<NAME>}) and no shared one: one token minted per group, before any database runs,
     * so that a refusal leaves every database untouched. A template that makes files of them needs none.
     */
    public FleetTokens tokens(FleetTokens tokens, List<FleetTarget> selected) {
        Map<String, List<String>> needing = new TreeMap<>();
        for (FleetTarget target : selected) {
            if (target.url() instanceof DatabaseUrl.Remote && !tokens.hasToken(target)) {
                String group = groups.getOrDefault(target.name(), "");
                if (group.isEmpty()) {
                    throw new WriterflowException("The Turso Platform API lists database '" + target.name()
                            + "' in no group, so no group token can reach it, and it has no token of its own;"
                            + " nothing was run.", "Give it a token: the environment variable "
                            + FleetTokens.variable(target.name()) + ", or TURSO_AUTH_TOKEN / writerflow.serverId"
                            + " for every database.");
                }
                needing.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(target.name());
            }
        }
        Map<String, FleetTokens.Fallback> minted = new HashMap<>();
        needing.forEach((group, names) -> {
            AuthToken token = api.groupToken(settings.organization(), group, settings.tokenExpiration());
            FleetTokens.Fallback fallback = new FleetTokens.Fallback(token, "a token for group '" + group
                    + "' minted through the Turso Platform API (expires in " + settings.tokenExpiration() + ")");
            names.forEach(name -> minted.put(name, fallback));
        });
        return tokens.orElse(minted);
    }

    @Override
    public String toString() {
        return "DiscoveredFleet[" + describe() + ", " + targets.size() + " databases]";
    }
}
