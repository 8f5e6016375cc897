package io.commentharvester.preflight;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.ExpressionIllegalSyntaxException;
import org.apache.camel.FailedToCreateRouteException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import io.commentharvester.util.Causes;

/**
 * Where a route that Camel could not build is written: Camel names the route and the step
 * ({@code at: >>> Log[stored ${...] <<<}) but, for YAML routes, neither file nor line. The route files are
 * read again with the YAML composer Camel uses; the route with that id gives the file, and the first value in
 * it that holds the faulty expression (or the step's text) gives the line.
 */
public final class RouteErrorPlace {

    private static final Pattern STEP = Pattern.compile(">>> [A-Za-z]+\\[(.*?)\\] <<<");

    private RouteErrorPlace() {}

    /** "routes/x.camel.yaml:17 (route x): ", "route x: " when the file is not found, or "" for another error. */
    public static String describe(Throwable error, List<Path> routeFiles, Path base) {
        FailedToCreateRouteException failed = Causes.find(error, FailedToCreateRouteException.class);
        if (failed == null || failed.getRouteId() == null) {
            return "";
        }
        String routeId = failed.getRouteId();
        String needle = needle(error, failed.getMessage());
        for (Path file : routeFiles) {
            Optional<Integer> line = lineOf(file, routeId, needle);
            if (line.isPresent()) {
                return RouteFiles.displayName(file, base.toAbsolutePath().normalize()) + ":" + line.get() + " (route "
                        + routeId + "): ";
            }
        }
        return "route " + routeId + ": ";
    }

    private static String needle(Throwable error, String message) {
        ExpressionIllegalSyntaxException syntax = Causes.find(error, ExpressionIllegalSyntaxException.class);
        if (syntax != null
                && syntax.getExpression() != null
                && !syntax.getExpression().isBlank()) {
            return syntax.getExpression();
        }
        Matcher step = STEP.matcher(String.valueOf(message));
        return step.find() ? step.group(1) : null;
    }

    /** The line (from 1) of the needle inside the route with that id, or of the route itself. */
    static Optional<Integer> lineOf(Path file, String routeId, String needle) {
        Compose compose = new Compose(LoadSettings.builder().build());
        try (Reader reader = Files.newBufferedReader(file)) {
            Optional<Node> document = compose.composeReader(reader);
            if (document.isEmpty() || !(document.get() instanceof SequenceNode routes)) {
                return Optional.empty();
            }
            for (Node item : routes.getValue()) {
                Optional<Node> route = valueOf(item, "route").or(() -> valueOf(item, "routeTemplate"));
                if (route.isPresent() && routeId.equals(scalar(valueOf(route.get(), "id")))) {
                    Node found = needle == null ? null : find(route.get(), needle);
                    Node at = found != null ? found : item;
                    return at.getStartMark().map(mark -> mark.getLine() + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a file that does not read again gives no place; the message still names the route
        }
        return Optional.empty();
    }

    private static Optional<Node> valueOf(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode name
                        && name.getValue().equals(key)) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    private static String scalar(Optional<Node> node) {
        return node.filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).getValue())
                .orElse(null);
    }

    private static Node find(Node node, String needle) {
        if (node instanceof ScalarNode value) {
            return value.getValue().contains(needle) ? value : null;
        }
        List<Node> children = node instanceof SequenceNode sequence
                ? sequence.getValue()
                : node instanceof MappingNode mapping
                        ? mapping.getValue().stream()
                                .flatMap(t -> java.util.stream.Stream.of(t.getKeyNode(), t.getValueNode()))
                                .toList()
                        : List.of();
        for (Node child : children) {
            Node found = find(child, needle);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
