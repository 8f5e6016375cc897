package io.commentharvester;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.commentharvester.config.OperabilitySettings;

/** The arguments of the harvester: flags and {@code --key=value} setting overrides. */
record CommandLine(
        boolean help,
        boolean version,
        boolean sandbox,
        boolean sandboxOnly,
        boolean status,
        Map<String, String> overrides) {

    static final String USAGE = """
            Usage: java -jar target/comment-harvester.jar [--sandbox | --sandbox-only] [--key=value ...]
              --sandbox        harvest the built-in offline emulator instead of music.163.com
              --sandbox-only   run only the emulator, print its URL and RSA modulus, until stopped
              --export=<type:id>[,...]|all
                               write the stored comments, newest first (export.format=jsonl|csv,
                               export.file=<path>, default standard output), then exit
              --observe        health and metrics on 127.0.0.1 while it runs: /observe/health, /observe/metrics
                               (port harvest.observe-port; needs target/observe/, which bin/comment-harvester adds)
              --status         print the progress of a distributed harvest (harvest.distributed) from
                               Redis: units done, waiting, being walked, per harvester and thread
              --key=value      override a setting of application.properties, e.g. --harvest.pages=3
              --help           this text, and every setting with its default and meaning
              --version        the version
            Settings can also be overridden with -Dkey=value. The first of these wins: --key=value,
            -Dkey=value, the environment variables application.properties names ({{env:REDIS_URL:}}),
            application.properties. Run from the folder holding application.properties and routes/.""";

    /** The version the build wrote into the jar. */
    static String buildVersion() {
        try (InputStream in = CommandLine.class.getResourceAsStream("/io/commentharvester/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static CommandLine parse(String... args) {
        boolean help = false;
        boolean version = false;
        boolean sandbox = false;
        boolean sandboxOnly = false;
        boolean status = false;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String arg : args) {
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--sandbox" -> sandbox = true;
                case "--sandbox-only" -> sandboxOnly = true;
                case "--observe" -> overrides.put(OperabilitySettings.OBSERVE, "true");
                case "--status" -> status = true;
                default -> {
                    int equals = arg.indexOf('=');
                    if (!arg.startsWith("--") || equals <= 2) {
                        throw new IllegalArgumentException(unknown(arg));
                    }
                    overrides.put(arg.substring(2, equals), arg.substring(equals + 1));
                }
            }
        }
        if (sandbox && sandboxOnly) {
            throw new IllegalArgumentException("--sandbox and --sandbox-only exclude each other");
        }
        return new CommandLine(help, version, sandbox, sandboxOnly, status, Map.copyOf(overrides));
    }

    /**
     * The message for an argument that is not ours. It never shows what follows an '=' (it may be a secret given
     * in the wrong form), and a -D option after -jar, which the JVM hands to the program, is named as such.
     */
    static String unknown(String arg) {
        int equals = arg.indexOf('=');
        String shown = equals < 0 ? arg : arg.substring(0, equals + 1) + "...";
        if (arg.startsWith("-D")) {
            return "unknown argument '" + shown + "': a -D option after -jar reaches the program, not the JVM; put it"
                    + " before -jar, or give --" + (equals < 0 ? arg.substring(2) : arg.substring(2, equals))
                    + "=value";
        }
        return "unknown argument '" + shown
                + "': expected --sandbox, --sandbox-only, --observe, --status, --help, --version or --key=value";
    }
}
