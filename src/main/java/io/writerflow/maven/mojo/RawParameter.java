package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * A parameter that may hold a secret, taken as Maven's raw configuration: Maven's -X prints every mojo
 * parameter's value, and the value a setter receives, but a raw configuration is printed as its unevaluated
 * expression ({@code ${writerflow.authToken}}). The mojo evaluates it here, where nothing prints it.
 *
 * @param value   the evaluated value, or null when none is configured
 * @param literal whether the POM spells the value out (as text or through a POM property Maven already
 *                interpolated), where -X prints it whatever the plugin does
 */
record RawParameter(String value, boolean literal) {

    static final RawParameter NONE = new RawParameter(null, false);

    @Override
    public String toString() {
        return "RawParameter[" + (value == null ? "none" : "****") + "]";
    }

    /** @param name the parameter's name, for the error about an expression that cannot be evaluated */
    static RawParameter of(PlexusConfiguration configuration, String name, MavenSession session,
            MojoExecution execution) {
        String raw = configuration == null ? null : configuration.getValue();
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        if (!raw.contains("${")) {
            return new RawParameter(raw, true);
        }
        try {
            Object value = new PluginParameterExpressionEvaluator(session, execution).evaluate(raw);
            String text = value == null ? null : value.toString();
            return text == null || text.isBlank() || text.contains("${") ? NONE : new RawParameter(text, false);
        } catch (ExpressionEvaluationException e) {
            throw new WriterflowException("Cannot evaluate <" + name + ">: " + e.getMessage(),
                    "Fix the expression in the plugin configuration.");
        }
    }
}
