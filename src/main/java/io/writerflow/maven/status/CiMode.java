package io.writerflow.maven.status;

import java.util.Map;

/**
 * Whether the build runs in a pipeline, where the gates a pipeline wants are on unless a setting turns them
 * off. CI services (GitHub Actions, GitLab CI, CircleCI, Travis and others) set {@code CI}; a developer who
 * exports {@code CI=false} or {@code CI=0} means the opposite, so those do not count.
 */
public final class CiMode {

    private CiMode() {
    }

    /**
     * @param configured  {@code writerflow.ci}, or null when unset
     * @param environment the process environment, where {@code CI} is read when the setting is unset
     */
    public static boolean detect(Boolean configured, Map<String, String> environment) {
        if (configured != null) {
            return configured;
        }
        String value = environment.get("CI");
        if (value == null || value.isBlank()) {
            return false;
        }
        String set = value.strip();
        return !set.equalsIgnoreCase("false") && !set.equals("0");
    }
}
