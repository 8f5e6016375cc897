package io.commentharvester;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.ResolveEndpointFailedException;

import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.harvest.distributed.ResourceLocks;
import io.commentharvester.preflight.RouteErrorPlace;
import io.commentharvester.util.Causes;

/** What a start that failed says, and its exit code: a route or setting the user edited is bad input. */
final class StartFailures {

    private StartFailures() {}

    /** The exit code of a start that failed, after one line on {@code err}; bad settings are thrown on. */
    static int report(Exception e, PrintStream err, List<Path> routeFiles) {
        InvalidSettingException invalid = Causes.find(e, InvalidSettingException.class);
        if (invalid != null) {
            throw invalid;
        }
        ResourceLocks.ResourceLockedException locked = Causes.find(e, ResourceLocks.ResourceLockedException.class);
        if (locked != null) {
            err.println("comment-harvester: " + locked.getMessage());
            return ExitCodes.ERROR;
        }
        if (Causes.find(e, FailedToCreateRouteException.class) != null
                || Causes.find(e, PropertyBindingException.class) != null
                || Causes.find(e, ResolveEndpointFailedException.class) != null
                || isRouteFileError(e)) {
            // a route or a camel.* setting the user edited does not build
            err.println("comment-harvester: the routes do not start: "
                    + RouteErrorPlace.describe(e, routeFiles, Path.of("")) + Causes.rootText(e));
            return ExitCodes.BAD_INPUT;
        }
        err.println("comment-harvester: failed to start: " + Causes.rootText(e));
        return ExitCodes.ERROR;
    }

    /** A YAML route file that parses but does not describe routes (an unknown step, a misplaced key). */
    private static boolean isRouteFileError(Throwable error) {
        return Causes.chain(error).stream()
                .map(t -> t.getClass().getName())
                .anyMatch(type ->
                        type.startsWith("org.apache.camel.dsl.yaml.") || type.startsWith("org.snakeyaml.engine."));
    }
}
