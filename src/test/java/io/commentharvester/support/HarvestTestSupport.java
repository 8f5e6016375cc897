package io.commentharvester.support;

import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Properties;

import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

import io.commentharvester.Application;
import io.commentharvester.HarvesterConfiguration;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.sandbox.SandboxServer;

/**
 * Boots the real application (application.properties, routes/*.camel.yaml, the configuration class) with
 * the weapi pointed at a sandbox and Redis at a real server; subclasses add their own settings.
 */
public abstract class HarvestTestSupport extends CamelMainTestSupport {

    /** The sandbox this test class harvests: its static {@code @RegisterExtension TestSandbox} field. */
    protected SandboxServer sandbox() {
        return staticField(TestSandbox.class).server();
    }

    /** The Redis this test class stores into: its static {@code @RegisterExtension TestRedis} field. */
    protected TestRedis redis() {
        return staticField(TestRedis.class);
    }

    // found by type, because CamelTestSupport reads the settings from its constructor, before any field is set
    private <T> T staticField(Class<T> type) {
        for (Field field : getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && type.equals(field.getType())) {
                try {
                    field.setAccessible(true);
                    return type.cast(field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(getClass().getSimpleName() + " has no static " + type.getSimpleName());
    }

    /** Settings of this test class, on top of the sandbox's and Redis's. */
    protected abstract void settings(Properties properties);

    /** Before each test's context starts (and with it the harvest): the sandbox forgets earlier runs. */
    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        sandbox().stats().reset();
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return Application.PROPERTIES_LOCATION;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(HarvesterConfiguration.class);
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties properties = new Properties();
        properties.put("weapi.base-url", sandbox().baseUrl());
        properties.put("weapi.rsa-modulus", sandbox().rsaModulusHex());
        properties.put("weapi.rsa-public-exponent", sandbox().rsaPublicExponentHex());
        properties.put("redis.url", redis().url());
        properties.put("harvest.retry-delay-ms", "10");
        properties.put("harvest.retry-max-delay-ms", "50");
        // no rate cap and short rate-limit pauses unless a test says otherwise: tests measure other things
        properties.put("harvest.max-requests-per-second", "0");
        properties.put("harvest.rate-limit-pause-ms", "50");
        properties.put("harvest.rate-limit-max-pause-ms", "200");
        settings(properties);
        configuration.withUseOverridePropertiesWithPropertiesComponent(properties);
    }

    /** Waits for the harvest that started with the context to finish. */
    protected HarvestRun awaitRun() {
        HarvestRun run =
                context.getRegistry().lookupByNameAndType(HarvesterConfiguration.HARVEST_RUN, HarvestRun.class);
        await().atMost(Duration.ofSeconds(60)).until(run::isFinished);
        return run;
    }
}
