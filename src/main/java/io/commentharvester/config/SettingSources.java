package io.commentharvester.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.camel.component.properties.PropertiesComponent;

/**
 * The one precedence of settings, wherever they are read: {@code --key=value}, then {@code -Dkey=value}, then the
 * environment variables that {@code application.properties} names itself ({@code {{env:REDIS_URL:}}}), then the
 * file. ({@code -Dcamel.*} options are camel-main's own, which reads them itself.) Camel's properties component would also look any key up in the environment by its name
 * ({@code harvest.pages} as {@code HARVEST_PAGES}) and let it win over {@code --key=value}; that is turned off.
 */
public final class SettingSources {

    private static final String[] SYSTEM_PREFIXES = {"harvest.", "weapi.", "redis.", "http.", "sandbox.", "export."};

    private SettingSources() {}

    /** The overrides handed to Camel: the settings among the system properties, the command line's on top. */
    public static Map<String, String> overrides(Map<String, String> commandLine, Properties system) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String key : system.stringPropertyNames()) {
            if (isSetting(key)) {
                overrides.put(key, system.getProperty(key));
            }
        }
        overrides.putAll(commandLine);
        return overrides;
    }

    /**
     * No lookup of keys in the environment by name; system properties only where nothing else defines a key (the
     * settings among them are overrides already, see {@link #overrides}).
     */
    public static void apply(org.apache.camel.spi.PropertiesComponent properties) {
        if (properties instanceof PropertiesComponent component) {
            component.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
            component.setSystemPropertiesMode(PropertiesComponent.SYSTEM_PROPERTIES_MODE_FALLBACK);
        }
    }

    static boolean isSetting(String key) {
        for (String prefix : SYSTEM_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Looks a key up as Camel would: --key=value, then -Dkey=value, then the properties file. */
    public static Function<String, String> lookup(Map<String, String> overrides, Path path) {
        Properties file = new Properties();
        if (Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                file.load(in);
            } catch (IOException e) {
                throw new InvalidSettingException("properties", "cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return key -> {
            if (overrides.containsKey(key)) {
                return overrides.get(key);
            }
            String system = System.getProperty(key);
            return system != null ? system : file.getProperty(key);
        };
    }
}
