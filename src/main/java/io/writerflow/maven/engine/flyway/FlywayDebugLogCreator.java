package io.writerflow.maven.engine.flyway;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends all of Flyway's own log lines to debug ({@code mvn -X}): the plugin prints its own short summary,
 * and Flyway's banner, version notices and per-step lines would drown it. Named by class in
 * {@code FluentConfiguration.loggers(...)}, so Flyway instantiates it; it holds no state.
 */
public final class FlywayDebugLogCreator implements LogCreator {

    @Override
    public Log createLogger(Class<?> clazz) {
        Logger logger = LoggerFactory.getLogger(clazz);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                logger.debug(message);
            }

            @Override
            public void info(String message) {
                logger.debug(message);
            }

            @Override
            public void warn(String message) {
                logger.debug("WARN " + message);
            }

            @Override
            public void error(String message) {
                logger.debug("ERROR " + message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.debug("ERROR " + message, e);
            }

            @Override
            public void notice(String message) {
                logger.debug(message);
            }
        };
    }
}
