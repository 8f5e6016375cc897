package io.commentharvester.config;

import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

import io.commentharvester.preflight.SettingKeys;

/**
 * Reads the settings as a harvest does, without starting Camel: {@code application.properties} through Camel's
 * properties component ({@code {{env:REDIS_URL:}}} and the like resolved), the overrides of
 * {@link SettingSources#overrides} on top, and the same check of unknown keys against {@link SettingsCatalog}.
 */
public final class SettingsLoader {

    private SettingsLoader() {}

    /**
     * The settings of {@code location} (e.g. {@code file:application.properties}) with {@code overrides} on top.
     *
     * @throws InvalidSettingException naming a key under the project's prefixes that is not a setting
     */
    public static Function<String, String> load(String location, Map<String, String> overrides) {
        PropertiesComponent properties = new DefaultCamelContext().getPropertiesComponent();
        properties.setLocation(location);
        SettingSources.apply(properties);
        Properties given = new Properties();
        given.putAll(overrides);
        properties.setOverrideProperties(given);
        checkKnown(properties);
        return key -> properties.resolveProperty(key).orElse(null);
    }

    /** Every key of the file, the overrides and the system properties under the project's prefixes is a setting. */
    public static void checkKnown(PropertiesComponent properties) {
        SettingKeys.checkKnown(
                SettingKeys.keysOf(properties.loadProperties(), System.getProperties()),
                SettingsCatalog.shipped().keys(),
                SettingsCatalog.CHECKED_PREFIXES);
    }
}
