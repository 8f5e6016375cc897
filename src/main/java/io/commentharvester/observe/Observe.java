package io.commentharvester.observe;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;

import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.config.OperabilitySettings;

/**
 * Turns on, for {@code --observe} ({@code harvest.observe=true}), the management server and the harvest's health
 * checks and meters ({@link ObserveConfiguration}). Its jars (target/observe/) are not in the runnable jar: their
 * mere presence on the class path costs a second of start. This class names none of their types, so that a start
 * without them never loads one.
 */
public final class Observe {

    /** A class of each part the flag needs: the HTTP server, Prometheus metrics, health checks. */
    private static final String[] NEEDED = {
        "org.apache.camel.component.platform.http.main.MainHttpServer",
        "org.apache.camel.component.micrometer.prometheus.MicrometerPrometheus",
        "org.apache.camel.impl.health.AbstractHealthCheck",
    };

    static final String CONFIGURATION = "io.commentharvester.observe.ObserveConfiguration";

    private Observe() {}

    /** Whether the jars of target/observe/ are on the class path. */
    public static boolean available() {
        for (String name : NEEDED) {
            try {
                Class.forName(name, false, Observe.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the health checks and meters to the harvest that {@code camel} runs (the management server itself is
     * turned on by the camel.management.* keys of application.properties, which follow harvest.observe).
     *
     * @throws InvalidSettingException when the jars of target/observe/ are not on the class path: what to run instead
     */
    public static void install(Main camel) {
        if (!available()) {
            throw new InvalidSettingException(
                    OperabilitySettings.OBSERVE,
                    "needs the jars of target/observe/ on the class path: run bin/comment-harvester --observe, or java"
                            + " -cp 'target/comment-harvester.jar:target/observe/*' io.commentharvester.Application"
                            + " --observe");
        }
        try {
            camel.configure().addConfiguration(Class.forName(CONFIGURATION).asSubclass(CamelConfiguration.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(CONFIGURATION + " is missing from the jar (a broken build)", e);
        }
    }
}
