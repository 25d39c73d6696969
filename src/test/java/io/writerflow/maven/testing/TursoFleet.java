package io.writerflow.maven.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many real Turso servers, one database each, every one behind its own {@link FaultProxy} (a latency or a
 * fault per database, and its own request count).
 */
public final class TursoFleet implements AutoCloseable {

    private final List<TursoServer> servers;
    private final List<FaultProxy> proxies;

    private TursoFleet(List<TursoServer> servers, List<FaultProxy> proxies) {
        this.servers = servers;
        this.proxies = proxies;
    }

    /** Starts {@code size} servers, each behind a proxy that adds {@code latency} to every response. */
    public static TursoFleet start(int size, Duration latency) throws Exception {
        List<TursoServer> servers = new ArrayList<>();
        List<FaultProxy> proxies = new ArrayList<>();
        TursoFleet fleet = new TursoFleet(servers, proxies);
        try {
            // one at a time: a server started beside another could take the port the other chose between its
            // choice and its bind, and answer the other's readiness check for it (two names, one database)
            for (int i = 0; i < size; i++) {
                TursoServer server = TursoServer.start();
                servers.add(server);
                FaultProxy proxy = FaultProxy.to(server.baseUrl());
                if (!latency.isZero()) {
                    proxy.always(FaultProxy.delay(latency));
                }
                proxies.add(proxy);
            }
            return fleet;
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
    }

    /** The CPU time all the servers have used so far, in ms (-1 where /proc does not say). */
    public long serversCpuMillis() {
        long sum = 0;
        for (TursoServer server : servers) {
            long ms = server.cpuMillis();
            if (ms < 0) {
                return -1;
            }
            sum += ms;
        }
        return sum;
    }

    public int size() {
        return servers.size();
    }

    public TursoServer server(int i) {
        return servers.get(i);
    }

    public FaultProxy proxy(int i) {
        return proxies.get(i);
    }

    /** {@code tenant-01 URL} lines, the URLs through the proxies. */
    public List<String> targetLines(String prefix) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < proxies.size(); i++) {
            lines.add(String.format("%s%02d %s", prefix, i + 1, proxies.get(i).baseUrl()));
        }
        return lines;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (FaultProxy proxy : proxies) {
            proxy.close();
        }
        for (TursoServer server : servers) {
            server.close();
        }
    }
}
