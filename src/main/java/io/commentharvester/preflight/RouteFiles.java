package io.commentharvester.preflight;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import io.commentharvester.config.InvalidSettingException;

/**
 * Checks the route files named by {@code camel.main.routes-include-pattern} before Camel starts: Camel
 * itself silently loads no routes from a missing folder, ignores a top-level mapping, and reports YAML
 * mistakes with multi-line messages. Files are found the way Camel finds them (the folder before the first
 * wildcard is walked, hidden files are skipped, the rest is an Ant pattern) and parsed with the same YAML
 * composer Camel uses.
 */
public final class RouteFiles {

    public static final String PATTERN_KEY = "camel.main.routes-include-pattern";

    /**
     * The files that passed, with their stamp (size, modification time, file key) when they did: the command line
     * checks them before Camel starts and {@code HarvesterConfiguration} (for embedders) again, and a file that has
     * not changed since is not parsed a second time.
     */
    private static final Map<Path, List<Object>> PASSED = new ConcurrentHashMap<>();

    private RouteFiles() {}

    /**
     * Checks every {@code file:} entry of the comma-separated include pattern; {@code classpath:} and other
     * entries are left to Camel. Relative folders are taken from {@code workingDir}.
     *
     * @return the matched files, absolute and sorted (empty when the pattern has no {@code file:} entry)
     * @throws InvalidSettingException for a missing folder, a pattern that matches no file, or a file that
     *     is not a single YAML list of route definitions
     */
    public static List<Path> check(String includePattern, Path workingDir) {
        Path base = workingDir.toAbsolutePath().normalize();
        Set<Path> files = new TreeSet<>();
        for (String entry : includePattern == null ? new String[0] : includePattern.split(",")) {
            String location = entry.trim();
            if (location.startsWith("file:")) {
                files.addAll(matchingFiles(location, base));
            }
        }
        for (Path file : files) {
            List<Object> stamp = stamp(file);
            if (stamp == null || !stamp.equals(PASSED.get(file))) {
                checkYaml(file, base);
                if (stamp != null) {
                    PASSED.put(file, stamp);
                }
            }
        }
        return List.copyOf(files);
    }

    /** Size, modification time and file key, taken before the file is read; null when they cannot be read. */
    private static List<Object> stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            // a list, not a string or a record: no invokedynamic call site to link at start-up
            return Arrays.asList(
                    attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.fileKey());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Path> matchingFiles(String location, Path base) {
        String path = location.substring("file:".length()).replace('\\', '/');
        Matcher wildcard = Pattern.compile("[*?]").matcher(path);
        int split = path.lastIndexOf('/', wildcard.find() ? wildcard.start() : path.length());
        String folderPart = split < 0 ? "" : path.substring(0, split + 1);
        String namePattern = path.substring(split + 1);
        Path folder = base.resolve(folderPart).normalize();
        if (!Files.isDirectory(folder)) {
            String problem = Files.exists(folder) ? "is not a folder" : "does not exist";
            throw new InvalidSettingException(
                    PATTERN_KEY,
                    "the routes folder " + folder + " " + problem + " (run from the project root or set " + PATTERN_KEY
                            + ")");
        }
        Pattern matcher = antToRegex(namePattern);
        int depth = namePattern.contains("/") ? Integer.MAX_VALUE : 1;
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                boolean hidden = relative.startsWith(".") || relative.contains("/.");
                if (!hidden && matcher.matcher(relative).matches()) {
                    found.add(file);
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingException(
                    PATTERN_KEY,
                    "cannot list the routes folder " + folder + " (" + oneLine(String.valueOf(e.getMessage())) + ")",
                    e);
        }
        if (found.isEmpty()) {
            throw new InvalidSettingException(
                    PATTERN_KEY,
                    "no route file matches " + location + " in the folder " + folder
                            + " (run from the project root or set " + PATTERN_KEY + ")");
        }
        return found;
    }

    /** Ant pattern as Camel applies it: '*' and '?' stay within one folder, a '**' segment spans folders. */
    static Pattern antToRegex(String antPattern) {
        StringBuilder regex = new StringBuilder();
        String[] segments = antPattern.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].equals("**")) {
                regex.append(last ? ".*" : "(?:[^/]*/)*");
                continue;
            }
            for (char c : segments[i].toCharArray()) {
                switch (c) {
                    case '*' -> regex.append("[^/]*");
                    case '?' -> regex.append("[^/]");
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            if (!last) {
                regex.append('/');
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static void checkYaml(Path file, Path base) {
        String name = displayName(file, base);
        Compose compose = new Compose(LoadSettings.builder().setLabel(name).build());
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Node> documents = new ArrayList<>();
            for (Node document : compose.composeAllFromReader(reader)) {
                documents.add(document);
                if (documents.size() == 2) {
                    throw new InvalidSettingException(
                            name,
                            "a second YAML document starts" + at(document.getStartMark())
                                    + "; Camel reads one document per route file, so put all routes in one top-level list");
                }
            }
            if (documents.isEmpty()) {
                throw new InvalidSettingException(
                        name,
                        "expected a list of route definitions at the top level, but the file holds no YAML document");
            }
            Node top = documents.get(0);
            if (!(top instanceof SequenceNode)) {
                String found = top instanceof MappingNode ? "a mapping" : "a single value";
                throw new InvalidSettingException(
                        name,
                        "expected a list of route definitions at the top level, but found " + found
                                + at(top.getStartMark()) + " (each route starts with '- route:')");
            }
            checkUniqueKeys(top, name, Collections.newSetFromMap(new IdentityHashMap<>()));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new InvalidSettingException(name, "YAML syntax error" + at(mark) + ": " + oneLine(problem), e);
        } catch (YamlEngineException e) {
            throw new InvalidSettingException(name, "YAML error: " + oneLine(e.getMessage()), e);
        } catch (CharacterCodingException e) {
            throw new InvalidSettingException(name, "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidSettingException(
                    name, "cannot be read (" + oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    /**
     * YAML forbids two equal keys in one mapping, but Camel does not check: a second {@code id} silently
     * replaces the first, a second {@code steps} is appended. Either way the file does not mean what it says.
     */
    private static void checkUniqueKeys(Node node, String name, Set<Node> visited) {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> checkUniqueKeys(item, name, visited));
        } else if (node instanceof MappingNode mapping) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    Node earlier = seen.putIfAbsent(key.getValue(), key);
                    if (earlier != null) {
                        throw new InvalidSettingException(
                                name,
                                "duplicate key '" + oneLine(key.getValue()) + "'" + at(key.getStartMark()) + " (first"
                                        + at(earlier.getStartMark()) + ")");
                    }
                }
                checkUniqueKeys(tuple.getValueNode(), name, visited);
            }
        }
    }

    private static String at(Optional<Mark> mark) {
        return mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse("");
    }

    static String displayName(Path file, Path base) {
        Path shown = file.startsWith(base) ? base.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\t", "\\t")
                .replace("\r", "")
                .replaceAll("\\s*\n\\s*", " ")
                .trim();
    }
}
