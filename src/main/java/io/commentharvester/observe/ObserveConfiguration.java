package io.commentharvester.observe;

import java.net.URI;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SimpleEventNotifierSupport;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.report.HarvestMeters;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * With --observe: the readiness checks (Redis, the API host) as health-check beans, which Camel's health registry
 * finds in the registry, and the harvest's own meters in the Prometheus registry that /observe/metrics shows (the
 * {@code metricsRegistry} bean camel-micrometer-prometheus makes while the context starts).
 */
public class ObserveConfiguration implements CamelConfiguration {

    /** The registry bean camel-micrometer-prometheus makes (or uses). */
    static final String METRICS_REGISTRY = "metricsRegistry";

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        String baseUrl = context.getPropertiesComponent()
                .resolveProperty("weapi.base-url")
                .orElse("https://music.163.com");
        registry.bind("redisHealthCheck", new RedisHealthCheck());
        registry.bind("apiHostHealthCheck", new ApiHostHealthCheck(URI.create(baseUrl)));
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event.getType() == CamelEvent.Type.CamelContextStarted;
            }

            @Override
            public void notify(CamelEvent event) {
                bindMeters(registry);
            }
        });
    }

    private static void bindMeters(Registry registry) {
        MeterRegistry meterRegistry = registry.lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        HarvestMeters meters = registry.findSingleByType(HarvestMeters.class);
        if (meterRegistry == null || meters == null) {
            throw new IllegalStateException("--observe: no "
                    + (meterRegistry == null ? METRICS_REGISTRY : "harvest meters") + " in the registry");
        }
        HarvestMetrics.bind(meterRegistry, meters, registry.lookupByNameAndType("harvestRun", HarvestRun.class));
    }
}
