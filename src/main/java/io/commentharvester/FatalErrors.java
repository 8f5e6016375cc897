package io.commentharvester;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

import io.commentharvester.util.Causes;

/**
 * A fatal error anywhere in the run (an {@link OutOfMemoryError} or another {@link VirtualMachineError}, in a worker
 * or any other thread) ends the process: one line on standard error, then exit code 1. Without this, workers that
 * die of such an error leave the process alive with no summary and no exit, and a page that fails with it would be
 * recorded as one more failed page while the run goes on in a broken JVM.
 *
 * <p>Two hooks see such errors: the JVM's default handler of uncaught exceptions (a thread that dies of one), and a
 * wrapper around every step of the routes, for an error thrown through a step (a plain processor's {@link Error} is
 * not caught by Camel: its exchange never completes, and a pool thread's task keeps it in a future nobody reads) or
 * left on its exchange (a bean's {@link Error} becomes the exchange's exception, and the page would be one more
 * failed page). The first error wins; later ones are ignored.
 */
public final class FatalErrors {

    /** Bean name under which a run's FatalErrors is found (bound by {@link Application}, or by a test). */
    public static final String BEAN = "fatalErrors";
    /** After the message, how long the JVM's shutdown (hooks, Camel's graceful stop) may take before a halt. */
    static final long GRACE_MS = 5_000;

    private final PrintStream err;
    private final IntConsumer exit;
    private final AtomicBoolean fired = new AtomicBoolean();
    private Thread.UncaughtExceptionHandler before;

    /** The process's, set by {@link #install()}: the routes' configuration watches failed exchanges with it. */
    private static volatile FatalErrors installed;

    /**
     * @param err  where the one line goes
     * @param exit ends the process with the given code ({@link #exitJvm} in the application; a test's recorder)
     */
    public FatalErrors(PrintStream err, IntConsumer exit) {
        this.err = err;
        this.exit = exit;
    }

    /** The application's: prints to standard error and ends the JVM (see {@link #exitJvm}). */
    public static FatalErrors forJvm() {
        return new FatalErrors(System.err, FatalErrors::exitJvm);
    }

    /** Whether the failure is, or was caused by, an error the JVM cannot go on after. */
    public static boolean isFatal(Throwable failure) {
        return fatalIn(failure) != null;
    }

    private static VirtualMachineError fatalIn(Throwable failure) {
        return failure == null ? null : Causes.find(failure, VirtualMachineError.class);
    }

    /** Ends the run when the failure is fatal (once); answers whether it was. */
    public boolean check(Throwable failure, String where) {
        VirtualMachineError fatal = fatalIn(failure);
        if (fatal == null) {
            return false;
        }
        if (fired.compareAndSet(false, true)) {
            String message = fatal.getMessage();
            err.println("comment-harvester: fatal error in " + where + ": "
                    + fatal.getClass().getSimpleName()
                    + (message == null ? "" : ": " + message)
                    + (fatal instanceof OutOfMemoryError
                            ? "; the run is stopped (more heap: JAVA_OPTS=-Xmx512m)"
                            : "; the run is stopped"));
            err.flush();
            exit.accept(ExitCodes.ERROR);
        }
        return true;
    }

    /** Whether a fatal error has ended the run. */
    public boolean fired() {
        return fired.get();
    }

    /** The FatalErrors {@link #install() installed} in this JVM, or null (a harvest embedded in another program). */
    public static FatalErrors installed() {
        return installed;
    }

    /**
     * Makes this the process's: the JVM's handler of uncaught exceptions (a thread that dies of a fatal error ends
     * the run; any other uncaught exception goes to the handler there was before, or is printed as the JVM would),
     * and the one {@link io.commentharvester.HarvesterConfiguration} gives the exchange watch to.
     */
    public synchronized void install() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler previous = before;
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (check(failure, "thread " + thread.getName())) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                failure.printStackTrace(System.err);
            }
        });
        installed = this;
    }

    /** Undoes {@link #install()} (tests). */
    public synchronized void uninstall() {
        Thread.setDefaultUncaughtExceptionHandler(before);
        if (installed == this) {
            installed = null;
        }
    }

    /**
     * Wraps every step of the routes: a fatal error thrown through the step, or left on its exchange when it is
     * done (a bean's error, which Camel wraps into the exchange's exception), ends the run.
     */
    public InterceptStrategy stepWatch() {
        return (context, definition, target, next) -> new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                try {
                    return processor.process(exchange, doneSync -> {
                        if (exchange.getException() != null) {
                            check(exchange.getException(), "route " + exchange.getFromRouteId());
                        }
                        callback.done(doneSync);
                    });
                } catch (VirtualMachineError fatal) {
                    check(fatal, "route " + exchange.getFromRouteId());
                    throw fatal;
                }
            }
        };
    }

    /**
     * Ends the JVM with the code: {@link System#exit} from a thread of its own (so that shutdown hooks may run,
     * the embedded Redis is stopped, and the failing thread is not the one waiting), and a halt if that has not
     * ended the JVM within {@link #GRACE_MS} (a broken JVM may not shut down cleanly).
     */
    public static void exitJvm(int code) {
        try {
            exitSoon(code);
        } catch (Throwable noThread) {
            // no thread can be started any more (out of memory): end at once
            Runtime.getRuntime().halt(code);
        }
    }

    private static void exitSoon(int code) {
        Thread halt = new Thread(
                () -> {
                    try {
                        TimeUnit.MILLISECONDS.sleep(GRACE_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().halt(code);
                },
                "fatal-error-halt");
        halt.setDaemon(true);
        halt.start();
        Thread exit = new Thread(() -> System.exit(code), "fatal-error-exit");
        exit.start();
    }
}
